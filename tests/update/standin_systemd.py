#!/usr/bin/env python3
"""A stand-in for systemd where none runs (a container, a laptop's test): it supervises one
Type=notify service as lobby-kiosk.service asks, and answers the two systemctl calls the updater
makes, so that the updater's health check watches a real kiosk process in a scratch root.

  standin_systemd.py serve DIR WATCHDOG_S -- COMMAND [ARG...]
      Runs COMMAND with NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID (this process, as cage is
      the kiosk's parent under the real unit); READY=1 makes it active/running; an exit, a
      program that cannot be executed (203/EXEC) or a watchdog timeout (SIGABRT) is restarted
      after 0.5 s and counted in NRestarts (Restart=always); SIGHUP restarts it without counting
      (systemctl try-restart); SIGTERM stops it and ends. Its output goes to DIR/service.log.
  standin_systemd.py ctl DIR show UNIT -p NAME [-p NAME...]
  standin_systemd.py ctl DIR try-restart UNIT
      What `systemctl` answers (a wrapper named systemctl on PATH calls this): the properties as
      KEY=VALUE lines; try-restart returns once the restarted program runs."""
import os, signal, socket, subprocess, sys, time

RESTART_SEC = 0.5


def write_state(directory, state):
    temporary = os.path.join(directory, "state.tmp")
    with open(temporary, "w") as f:
        for key, value in state.items():
            f.write(f"{key}={value}\n")
    os.replace(temporary, os.path.join(directory, "state"))


def read_state(directory):
    state = {}
    try:
        with open(os.path.join(directory, "state")) as f:
            for line in f:
                key, _, value = line.rstrip("\n").partition("=")
                state[key] = value
    except FileNotFoundError:
        pass
    return state


def serve(directory, watchdog_s, command):
    notify_path = os.path.join(directory, "notify")
    if os.path.exists(notify_path):
        os.unlink(notify_path)
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(notify_path)
    notify.settimeout(0.1)
    log = open(os.path.join(directory, "service.log"), "ab")
    environment = dict(os.environ, NOTIFY_SOCKET=notify_path,
                       WATCHDOG_USEC=str(int(watchdog_s * 1_000_000)), WATCHDOG_PID=str(os.getpid()))
    asked = {"restart": False, "stop": False}
    signal.signal(signal.SIGHUP, lambda *_: asked.__setitem__("restart", True))
    signal.signal(signal.SIGTERM, lambda *_: asked.__setitem__("stop", True))
    state = {"ActiveState": "activating", "SubState": "start", "NRestarts": 0, "Result": "success",
             "MainPID": 0, "Starts": 0}
    process, last_ping, restart_at = None, 0.0, None

    def start():
        nonlocal process, last_ping
        state.update(ActiveState="activating", SubState="start", Starts=state["Starts"] + 1)
        try:
            process = subprocess.Popen(command, env=environment, stdout=log, stderr=log,
                                       stdin=subprocess.DEVNULL)
            state["MainPID"] = process.pid
        except OSError as error:  # systemd's 203/EXEC: counted as a failure like any exit
            log.write(f"standin: cannot execute {command[0]}: {error}\n".encode())
            log.flush()
            process = None
            state.update(MainPID=0, Result="exit-code")
            failed()
        last_ping = time.monotonic()

    def failed():
        nonlocal restart_at
        state.update(ActiveState="activating", SubState="auto-restart", MainPID=0)
        restart_at = time.monotonic() + RESTART_SEC

    def stop_process():
        nonlocal process
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process = None

    start()
    write_state(directory, state)
    with open(os.path.join(directory, "pid"), "w") as f:
        f.write(str(os.getpid()))
    while not asked["stop"]:
        try:
            for message in notify.recv(4096).decode(errors="replace").split("\n"):
                if message == "READY=1" and process is not None:
                    state.update(ActiveState="active", SubState="running")
                    last_ping = time.monotonic()
                elif message == "WATCHDOG=1":
                    last_ping = time.monotonic()
        except (socket.timeout, InterruptedError):
            pass
        now = time.monotonic()
        if asked["restart"]:
            asked["restart"] = False
            stop_process()
            restart_at = None
            state["Result"] = "success"
            start()
        elif process is not None and process.poll() is not None:
            state["Result"] = "exit-code" if process.returncode > 0 else "signal"
            process = None
            failed()
        elif process is not None and state["SubState"] == "running" and now - last_ping > watchdog_s:
            process.send_signal(signal.SIGABRT)
            process.wait()
            process = None
            state["Result"] = "watchdog"
            failed()
        if restart_at is not None and now >= restart_at:
            restart_at = None
            state["NRestarts"] += 1
            start()
        write_state(directory, state)
    stop_process()
    state.update(ActiveState="inactive", SubState="dead", MainPID=0)
    write_state(directory, state)


def ctl(directory, arguments):
    if len(arguments) >= 2 and arguments[0] == "show":
        state = read_state(directory)
        names = [arguments[i + 1] for i in range(1, len(arguments) - 1) if arguments[i] == "-p"]
        if not state:
            print("System has not been booted with systemd", file=sys.stderr)
            return 1
        for name in names:
            print(f"{name}={state.get(name, '')}")
        return 0
    if len(arguments) == 2 and arguments[0] == "try-restart":
        before = read_state(directory).get("Starts")
        with open(os.path.join(directory, "pid")) as f:
            os.kill(int(f.read()), signal.SIGHUP)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if read_state(directory).get("Starts") != before:
                return 0
            time.sleep(0.05)
        print("the service did not restart", file=sys.stderr)
        return 1
    print(f"standin systemctl: not understood: {' '.join(arguments)}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    if len(sys.argv) >= 6 and sys.argv[1] == "serve" and sys.argv[4] == "--":
        serve(sys.argv[2], float(sys.argv[3]), sys.argv[5:])
    elif len(sys.argv) >= 3 and sys.argv[1] == "ctl":
        sys.exit(ctl(sys.argv[2], sys.argv[3:]))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
