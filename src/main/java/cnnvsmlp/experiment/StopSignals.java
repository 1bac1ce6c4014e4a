package cnnvsmlp.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP during training: the first asks the trainer to stop after the current batch
 * and save a checkpoint (the run then exits with 130, 143 or 129); copies that arrive within a second (a signal to
 * the process group also reaches the launcher, which passes it on) are the same request; a later one ends the JVM
 * at once, as usual.
 * The previous handlers come back when training ends. In the child JVM of the launcher ({@code cli/KernelLauncher}),
 * the launcher's end is one more such request: a launcher killed with SIGKILL, which cannot pass anything on, would
 * otherwise leave its child training as an orphan nobody can stop with Ctrl-C; the child stops after its batch with
 * a checkpoint instead (exit 129, as after a hangup).
 */
final class StopSignals implements AutoCloseable {

    private static final AtomicReference<String> LAST = new AtomicReference<>();
    /** Signals within this time of the first are the same request (sent to the group and passed on). */
    static final long SAME_REQUEST_NANOS = 1_000_000_000L;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private Thread parentWatch;

    private StopSignals() {
    }

    static StopSignals install(AtomicBoolean stop) {
        StopSignals signals = new StopSignals();
        LAST.set(null);
        // the time of the first request; each signal runs its handler on a thread of its own, so the two copies of
        // one request (to the process group, and passed on by the launcher) may run at once: one of them wins
        java.util.concurrent.atomic.AtomicLong firstAt = new java.util.concurrent.atomic.AtomicLong();
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler[] before = new SignalHandler[1];
                before[0] = Signal.handle(signal, s -> {
                    long now = System.nanoTime();
                    if (stop.compareAndSet(false, true)) {
                        firstAt.set(now);
                        LAST.set(s.getName());
                        System.err.println("\n" + s.getName() + " received: finishing the current batch and saving a"
                                + " checkpoint (again to quit at once)");
                    } else if (firstAt.get() != 0 && now - firstAt.get() > SAME_REQUEST_NANOS) {
                        before[0].handle(s); // a second request: the JVM's own handling (exit)
                    }
                    // else: the same request delivered twice (to the process group, and passed on by the launcher)
                });
                signals.previous.put(signal, before[0]);
            } catch (IllegalArgumentException e) {
                // this platform has no such signal, the JVM reserves it (-Xrs), or it was ignored when the JVM
                // started (a background job's SIGINT): the default behaviour stays
            }
        }
        if (System.getenv(cnnvsmlp.runtime.RelaunchPlan.CHILD) != null) {
            signals.parentWatch = watchParent(stop, firstAt);
        }
        return signals;
    }

    /** A daemon that asks for the stop once this JVM's parent (the launcher) has ended. */
    private static Thread watchParent(AtomicBoolean stop, java.util.concurrent.atomic.AtomicLong firstAt) {
        java.util.Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return null;
        }
        long pid = parent.get().pid();
        Thread watch = new Thread(() -> {
            try {
                while (!stop.get()) {
                    java.util.Optional<ProcessHandle> now = ProcessHandle.current().parent();
                    if ((now.isEmpty() || now.get().pid() != pid || !now.get().isAlive())
                            && stop.compareAndSet(false, true)) {
                        firstAt.set(System.nanoTime());
                        LAST.set("HUP");
                        System.err.println("\nthe launcher (PID " + pid + ") is gone: finishing the current batch and"
                                + " saving a checkpoint");
                        return;
                    }
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // training ended: nothing to watch
            }
        }, "launcher-watch");
        watch.setDaemon(true);
        watch.start();
        return watch;
    }

    /** 130 after SIGINT, 143 after SIGTERM, 129 after SIGHUP (128 + the signal number), as a shell reports them. */
    static int exitCode() {
        return switch (String.valueOf(LAST.get())) {
            case "TERM" -> 143;
            case "HUP" -> 129;
            default -> 130;
        };
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
        if (parentWatch != null) {
            parentWatch.interrupt();
        }
    }
}
