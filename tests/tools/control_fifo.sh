# Shared by the with_*.sh wrappers (sourced) that run a simulator reading commands on a FIFO and
# answering one line each on its stdout file.

# wait_for_port OUTFILE: the port the process printed as "port N" (empty if it never did).
wait_for_port() {
    for _ in $(seq 200); do grep -q '^port ' "$1" && break; sleep 0.05; done
    awk '/^port /{print $2; exit}' "$1"
}

# send_command CONTROL OUTFILE COMMAND...: sends one command, prints its one-line answer.
send_command() {
    local control=$1 answers=$2 before
    shift 2
    before=$(wc -l <"$answers")
    echo "$*" >"$control"
    for _ in $(seq 100); do
        (($(wc -l <"$answers") > before)) && break
        sleep 0.05
    done
    tail -n +"$((before + 1))" "$answers" | head -n 1
}
export -f send_command
