#!/usr/bin/env bash
# Builds the Debian package scanner-cli/target/deb/tlsscan_<version>_amd64.deb: tlsscan with its own
# Java runtime (jlink: only the modules jdeps finds in the jar) under /usr/lib/tlsscan, started by
# /usr/bin/tlsscan, a shell script that execs that runtime's java (no native launcher: jpackage's
# asks dpkg which package it belongs to, four times, on every start), plus a man page per command
# and the bash completion, all generated from the command's picocli model, and a class-data sharing
# archive of the classes a scan loads, written at build time for the paths the package installs
# (the JVM only maps an archive whose jar sits where it sat at dump time, so the dump runs with the
# package tree bind-mounted at /usr/lib/tlsscan in a private mount namespace; nothing of the host's
# /usr/lib changes).
# Needs a JDK 17 (jdeps, jlink), Maven and dpkg-deb; run as root (unshare, mount).
# SKIP_BUILD=1 uses the jar already in scanner-cli/target (e.g. after `mvn package`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$here/scanner-cli/target"
jar="$target/tlsscan.jar"
work="$target/deb-work"
out="$target/deb"
install_dir=/usr/lib/tlsscan

log() { echo "build-deb: $*" >&2; }

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
  log "mvn package (tests skipped)"
  # A stale shaded jar would take in the new classes next to its old copies (see ./tlsscan).
  rm -f "$jar"
  (cd "$here" && mvn -q -B -DskipTests package) >&2
fi
version="$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')"
deb_version="${version%-SNAPSHOT}"
rm -rf "$work" "$out"
mkdir -p "$work" "$out"

# The runtime: the modules jdeps finds, plus jdk.crypto.ec (EC keys, looked up by name through
# the security providers, which jdeps cannot see), less java.desktop: only Jackson's and
# SnakeYAML's optional JavaBeans support refer to it, both work without it, and it would make the
# package depend on X11 and ALSA. Uncompressed: the .deb is compressed anyway, and classes load
# faster from an uncompressed image.
modules="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$jar" |
  tr , '\n' | grep -vx java.desktop | paste -sd,),jdk.crypto.ec"
log "jlink $modules"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=0 \
  --output "$work/runtime"

# The security providers the runtime's java.security names but the image leaves out (SunJGSS,
# XMLDSig, SunPCSC, JdkSASL, SunPKCS11) are dropped from its list: the JDK looks each one up through
# the service loader the first time a provider is asked for, and on the way instantiates every
# provider on the class path, Bouncy Castle's among them (about 0.2 s of CPU at every start), only
# to throw it away: Bouncy Castle is never registered as a provider either way.
security="$work/runtime/conf/security/java.security"
present="$("$work/runtime/bin/java" -XshowSettings:security:providers -version 2>&1 |
  sed -n 's/^ *Provider name: //p')"
providers="$(sed -n 's/^security\.provider\.[0-9]*=//p' "$security" | grep -Fx "$present")"
log "security providers: $(echo $providers)"
sed -i '/^security\.provider\.[0-9]*=/d' "$security"
n=0; for provider in $providers; do n=$((n + 1)); echo "security.provider.$n=$provider"; done >>"$security"

# The package tree: the runtime, the jar and its native libraries, the command on the PATH, man
# pages and completion.
tree="$work/tree"
app="$tree$install_dir/lib/app"
mkdir -p "$tree/DEBIAN" "$tree$install_dir/bin" "$tree$install_dir/lib" "$app/native"
cp -a "$work/runtime" "$tree$install_dir/lib/runtime"
cp "$jar" "$app/"
cp "$target"/native/META-INF/native/*.so "$app/native/"

# The command. JVM options measured by samples/bench/startup.sh (see the README's Install section):
# the class-data archive, the C1 compiler only, the serial collector, a fixed 192 MiB heap, no perf
# data file. (Mapping the archive where it was written, -XX:ArchiveRelocationMode=0, makes the JVM
# itself start faster but a scan's first record later: it stays this JDK's default, relocated.)
# TLSSCAN_JAVA_OPTS comes last and overrides.
cat >"$tree$install_dir/bin/tlsscan" <<'LAUNCHER'
#!/bin/sh
# tlsscan: runs the command on the Java runtime of its package (see tlsscan(1)).
# TLSSCAN_JAVA_OPTS comes last and overrides any of these JVM options.
app=/usr/lib/tlsscan/lib/app
# shellcheck disable=SC2086
exec /usr/lib/tlsscan/lib/runtime/bin/java -Djava.library.path=$app/native \
  -XX:SharedArchiveFile=$app/tlsscan.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
  -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1 -XX:+UseSerialGC -Xms192m -Xmx192m \
  -XX:-UsePerfData \
  ${TLSSCAN_JAVA_OPTS:-} -cp $app/tlsscan.jar io.tlsscan.cli.Main "$@"
LAUNCHER
chmod 755 "$tree$install_dir/bin/tlsscan"
mkdir -p "$tree/usr/bin" "$tree/usr/share/man/man1" "$tree/usr/share/bash-completion/completions"
ln -s "$install_dir/bin/tlsscan" "$tree/usr/bin/tlsscan"
java -cp "$jar" io.tlsscan.cli.ManPages "$work/man"
for page in "$work"/man/*.1; do gzip -9n <"$page" >"$tree/usr/share/man/man1/$(basename "$page").gz"; done
java -jar "$jar" completion bash >"$tree/usr/share/bash-completion/completions/tlsscan"

# The class-data archive, written with the tree where the package puts it: the classes of a demo
# scan (every probe, every kind of failure) and of a scan reading the system's CA bundle.
log "class-data archive"
created_dir=""
if [ ! -e "$install_dir" ]; then mkdir -p "$install_dir"; created_dir="$install_dir"; fi
unshare -m bash -euo pipefail -c '
  mount --make-rprivate /
  mount --bind "$1" "$2"
  java="$2/lib/runtime/bin/java"; cp="$2/lib/app/tlsscan.jar"; list="$3/classlist"
  opts=(-Djava.library.path="$2/lib/app/native" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:off)
  "$java" "${opts[@]}" -XX:DumpLoadedClassList="$list.demo" -cp "$cp" io.tlsscan.cli.Main demo -q --probes all -o /dev/null
  "$java" "${opts[@]}" -XX:DumpLoadedClassList="$list.scan" -cp "$cp" io.tlsscan.cli.Main scan -q --timeout 1s -o /dev/null 127.0.0.1:9 || true
  "$java" "${opts[@]}" -XX:DumpLoadedClassList="$list.version" -cp "$cp" io.tlsscan.cli.Main --version >/dev/null
  awk "!seen[\$0]++" "$list.demo" "$list.scan" "$list.version" >"$list"
  "$java" -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$list" \
    -XX:SharedArchiveFile="$2/lib/app/tlsscan.jsa" -cp "$cp" >"$3/dump.log"
' dump "$tree$install_dir" "$install_dir" "$work" >&2
[ -n "$created_dir" ] && rmdir "$created_dir"
[ -s "$app/tlsscan.jsa" ] || { log "no class-data archive (see $work/dump.log)"; exit 1; }

# The control file. Depends: the packages of the shared libraries the runtime and the native
# libraries link to (bin/tlsscan is a /bin/sh script, which ldd would fail on; /bin/sh is essential).
owner() { dpkg -S "$1" 2>/dev/null || dpkg -S "$(readlink -f "$1")" 2>/dev/null || true; }
depends="$(find "$tree$install_dir" -type f \( -name '*.so' -o -perm -u+x \) ! -path "$tree$install_dir/bin/*" \
  -exec ldd {} + 2>/dev/null |
  awk '$2 == "=>" && $3 ~ /^\// && $3 !~ /tlsscan/ { print $3 }' | sort -u |
  while read -r lib; do owner "$lib"; done | cut -d: -f1 | sort -u | paste -sd, | sed 's/,/, /g')"
[ -n "$depends" ] || { log "could not tell which packages the runtime needs"; exit 1; }
cat >"$tree/DEBIAN/control" <<CONTROL
Package: tlsscan
Version: $deb_version
Section: net
Priority: optional
Architecture: amd64
Maintainer: tlsscan <tlsscan@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$tree" | cut -f1)
Depends: $depends
Description: bulk TLS scanner
 Scans a fleet of TLS servers and writes one record per target: certificate chain and trust,
 hostname match, protocol versions, cipher suites and key-exchange groups, as JSON Lines, JSON,
 CSV or text. Brings its own Java runtime.
CONTROL
(cd "$tree" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
  >"$tree/DEBIAN/md5sums"
deb="$out/tlsscan_${deb_version}_amd64.deb"
dpkg-deb --root-owner-group -Zgzip -z6 -b "$tree" "$deb" >&2
log "wrote $deb ($(du -h "$deb" | cut -f1))"
echo "$deb"
