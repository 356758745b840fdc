#!/usr/bin/env python3
"""The "internet" of the multi-host test network (scripts/netmesh.sh, tests' NatMesh): a learning Ethernet switch
between TAP devices that delays and drops frames as netem would (the test machines' kernels may lack sch_netem).

    netmesh-switch.py CONFIG

CONFIG is JSON: {"version": 1, "loss": 1.0, "ports": {"t0": 10, "t1": 25, ...}}: one TAP device per port (created
here; the caller puts each into a bridge with its host's veth) with that host's delay in ms. A frame from port a to
port b waits (delay[a] + delay[b]) / 2 ms, so two hosts see delay[a] + delay[b] of RTT; each frame is lost with
probability loss % on its way. Frames of one flow keep their order. CONFIG is re-read when it changes (the ports stay);
"applied N" is printed for each version taken. Runs until killed.
"""
import fcntl
import heapq
import json
import os
import random
import select
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TAP = 0x0002
IFF_NO_PI = 0x1000


def open_tap(name):
    fd = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TAP | IFF_NO_PI))
    return fd


def main():
    path = sys.argv[1]
    with open(path) as f:
        config = json.load(f)
    names = list(config["ports"])
    fds = [open_tap(n) for n in names]
    port_of = {fd: i for i, fd in enumerate(fds)}
    delays, loss, version, mtime = [], 0.0, None, 0.0

    def load():
        nonlocal delays, loss, version, mtime
        mtime = os.stat(path).st_mtime_ns
        with open(path) as f:
            c = json.load(f)
        delays = [float(c["ports"][n]) / 1000.0 for n in names]
        loss = float(c.get("loss", 0)) / 100.0
        if c.get("version") != version:
            version = c.get("version")
            print(f"applied {version}", flush=True)

    load()
    print("ready " + " ".join(names), flush=True)
    macs = {}
    queue = []
    seq = 0
    checked = time.monotonic()
    while True:
        now = time.monotonic()
        while queue and queue[0][0] <= now:
            _, _, port, frame = heapq.heappop(queue)
            try:
                os.write(fds[port], frame)
            except OSError:
                pass  # the port is down: the frame is lost, as on a cut cable
        timeout = min(0.5, queue[0][0] - now) if queue else 0.5
        ready, _, _ = select.select(fds, [], [], max(0.0, timeout))
        now = time.monotonic()
        for fd in ready:
            a = port_of[fd]
            for _ in range(256):
                try:
                    frame = os.read(fd, 65536)
                except (BlockingIOError, OSError):
                    break
                if len(frame) < 14:
                    continue
                dst, src = frame[0:6], frame[6:12]
                macs[src] = a
                b = macs.get(dst) if not dst[0] & 1 else None
                outs = [b] if b is not None else [p for p in range(len(fds)) if p != a]
                for b in outs:
                    if b == a or (loss and random.random() < loss):
                        continue
                    seq += 1
                    heapq.heappush(queue, (now + (delays[a] + delays[b]) / 2, seq, b, frame))
        if now - checked > 0.25:
            checked = now
            try:
                if os.stat(path).st_mtime_ns != mtime:
                    load()
            except (OSError, ValueError, KeyError):
                pass  # a half-written file: read again next time


if __name__ == "__main__":
    main()
