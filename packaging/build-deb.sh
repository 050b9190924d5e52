#!/usr/bin/env bash
# Builds the Debian package scanner-cli/target/deb/tlsscan_<version>_amd64.deb: tlsscan with its own
# Java runtime (jlink: only the modules jdeps finds in the jar), laid out by jpackage (app image:
# native launcher, runtime, jar) under /usr/lib/tlsscan, plus /usr/bin/tlsscan, a man page per command and the bash completion, all generated
# from the command's picocli model, and a class-data sharing archive of the classes a scan loads,
# written at build time for the paths the package installs (the JVM only maps an archive whose jar
# sits where it sat at dump time, so the dump runs with the package tree bind-mounted at
# /usr/lib/tlsscan in a private mount namespace; nothing of the host's /usr/lib changes).
# Needs a JDK 17 (jdeps, jlink, jpackage), Maven and dpkg-deb; run as root (unshare, mount).
# SKIP_BUILD=1 uses the jar already in scanner-cli/target.
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
mkdir -p "$work/input/native" "$work/extra" "$out"

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

cp "$jar" "$work/input/"
cp "$target"/native/META-INF/native/*.so "$work/input/native/"

# JVM options measured by samples/bench/startup.sh (see the README's Install section).
java_options=(
  "-Djava.library.path=\$APPDIR/native"
  "-XX:SharedArchiveFile=\$APPDIR/tlsscan.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms192m -Xmx192m -XX:-UsePerfData
)
jpackage_args=()
for option in "${java_options[@]}"; do jpackage_args+=(--java-options "$option"); done
log "jpackage tlsscan $deb_version (app image)"
jpackage --type app-image --name tlsscan --app-version "$deb_version" --vendor tlsscan \
  --input "$work/input" --main-jar tlsscan.jar --main-class io.tlsscan.cli.Main \
  --runtime-image "$work/runtime" "${jpackage_args[@]}" --dest "$work/jpackage"

# The package tree: the app image, the command on the PATH, man pages and completion.
tree="$work/tree"
mkdir -p "$tree/DEBIAN" "$(dirname "$tree$install_dir")"
cp -a "$work/jpackage/tlsscan" "$tree$install_dir"
app="$tree$install_dir/lib/app"
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

# The control file. Depends: the packages of the shared libraries the launcher, the runtime and
# the native libraries link to.
owner() { dpkg -S "$1" 2>/dev/null || dpkg -S "$(readlink -f "$1")" 2>/dev/null || true; }
depends="$(find "$tree$install_dir" -type f \( -name '*.so' -o -perm -u+x \) -exec ldd {} + 2>/dev/null |
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
