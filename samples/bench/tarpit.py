#!/usr/bin/env python3
"""Loopback tarpit for the dead-host benchmark: accepts TCP connections and never sends a byte.

Listens on the given ports of one 127.0.0.0/8 address with a large backlog, reads and discards
what clients send, closes a connection when its client does, and exits by itself after
--lifetime seconds so that a forgotten tarpit cannot linger. Prints "ready" once it listens and
the number of connections it accepted when it stops.
"""
import argparse
import asyncio
import ipaddress
import resource
import signal
import sys

accepted = 0


async def hold(reader, writer):
    global accepted
    accepted += 1
    try:
        while await reader.read(4096):
            pass
    except OSError:
        pass
    finally:
        writer.close()


async def serve(args):
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    servers = [
        await asyncio.start_server(hold, args.bind, port, backlog=args.backlog, reuse_address=True)
        for port in args.ports
    ]
    print("ready", flush=True)
    try:
        await asyncio.wait_for(stop.wait(), timeout=args.lifetime)
    except asyncio.TimeoutError:
        pass
    for server in servers:
        server.close()
    print(f"accepted {accepted}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--backlog", type=int, default=4096)
    parser.add_argument("--lifetime", type=float, default=900.0, help="seconds before it exits by itself")
    parser.add_argument("ports", type=int, nargs="+")
    args = parser.parse_args()
    if not ipaddress.ip_address(args.bind).is_loopback:
        sys.exit("tarpit: --bind must be a loopback address")
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
