#!/usr/bin/env python3
"""Writes two synthetic JSON Lines scans of N targets, OLD and NEW, for timing `tlsscan diff`.

Records have the shape of real ones (a two-certificate chain, protocols, ciphers, findings; about
1.7 KB a line). NEW differs from OLD in known ways, so the diff's count can be checked: targets
i % 100 == 1 get a new high finding, == 2 a rotated certificate, == 3 TLS 1.0 accepted, == 4 a
timeout; i % 1000 == 5 vanish; N / 1000 new targets appear. Both files are in a shuffled order
(within windows of 1,000 lines, like a scan whose targets finish out of order).
Prints the number of targets the diff must report.

usage: scan-pair.py N OLD NEW
"""
import hashlib
import json
import random
import sys

SUITES12 = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"]
SUITES13 = ["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"]


def cert(subject, issuer, sha, not_after, days, ca):
    return {"subject": subject, "issuer": issuer, "serial": sha[:32],
            "not_before": "2026-01-01T00:00:00.000Z", "not_after": not_after, "days_left": days,
            "key": {"type": "RSA", "bits": 2048, "curve": None},
            "signature_algorithm": "SHA256withRSA", "san": [] if ca else [subject[3:]],
            "san_truncated": False, "sha256": sha, "self_signed": False, "ca": ca}


def record(i, host, change=None):
    ip = "10.%d.%d.%d" % (i >> 16 & 255, i >> 8 & 255, i & 255)
    target = {"input": host, "line": i + 1, "host": host, "port": 443, "ip": ip, "sni": host,
              "starttls": None}
    base = {"target": target, "started_at": "2026-11-26T10:00:00.000Z", "duration_ms": 212,
            "connections": 18}
    if change == "fail":
        base.update(status="error", error={"kind": "timeout", "phase": "connect",
                                           "message": "no answer within 10s"},
                    probe_errors={}, findings=[])
        return base
    sha = hashlib.sha256(b"%d/%s" % (i, b"new" if change == "rotate" else b"")).hexdigest()
    leaf = cert("CN=" + host, "CN=Fleet Issuing CA " + str(i % 7), sha,
                "2027-03-01T00:00:00.000Z" if change != "rotate" else "2027-09-01T00:00:00.000Z",
                95, False)
    inter = cert("CN=Fleet Issuing CA " + str(i % 7), "CN=Fleet Root",
                 hashlib.sha256(b"ca%d" % (i % 7)).hexdigest(), "2030-01-01T00:00:00.000Z", 1130, True)
    findings = [] if i % 3 else [{"id": "cert.lint.missing_ski", "severity": "low",
                                  "message": "a CA without a subject key identifier",
                                  "policy": "baseline"}]
    if change == "finding":
        findings.append({"id": "cert.weak_key", "severity": "high",
                         "message": "RSA key of 1024 bits", "policy": "baseline"})
    base.update(
        status="ok", error=None,
        handshake={"protocol": "TLSv1.3", "cipher": "TLS_AES_128_GCM_SHA256", "group": "x25519",
                   "alpn": None, "ocsp_stapled": False, "client_certificate_requested": False,
                   "source": "tls_library"},
        certificate={"trusted": True, "trust_errors": [], "hostname_match": True,
                     "chain": [leaf, inter], "path": []},
        protocols={"SSLv2": False, "SSLv3": False, "TLSv1.0": change == "tls10", "TLSv1.1": False,
                   "TLSv1.2": True, "TLSv1.3": True},
        ciphers={"TLSv1.2": [{"name": s, "bits": 128, "strength": "strong", "kx_group": "x25519",
                              "kx_bits": None} for s in SUITES12],
                 "TLSv1.3": [{"name": s, "bits": 128, "strength": "strong", "kx_group": "x25519",
                              "kx_bits": None} for s in SUITES13]},
        server_cipher_order=True, probe_errors={}, findings=findings)
    return base


def write(path, lines):
    rng = random.Random(path)
    with open(path, "w") as out:
        for start in range(0, len(lines), 1000):
            window = lines[start:start + 1000]
            rng.shuffle(window)
            out.writelines(window)


def main():
    n, old_path, new_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    changes = {1: "finding", 2: "rotate", 3: "tls10", 4: "fail"}
    old, new, expected = [], [], 0
    for i in range(n):
        host = "h%d.fleet.test" % i
        old.append(json.dumps(record(i, host), separators=(",", ":")) + "\n")
        change = changes.get(i % 100)
        if i % 1000 == 5:
            expected += 1
            continue
        expected += change is not None
        new.append(json.dumps(record(i, host, change), separators=(",", ":")) + "\n")
    for j in range(n // 1000):
        new.append(json.dumps(record(n + j, "new%d.fleet.test" % j), separators=(",", ":")) + "\n")
        expected += 1
    write(old_path, old)
    del old
    write(new_path, new)
    print(expected)


main()
