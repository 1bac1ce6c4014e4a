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
 * The previous handlers come back when training ends.
 */
final class StopSignals implements AutoCloseable {

    private static final AtomicReference<String> LAST = new AtomicReference<>();
    /** Signals within this time of the first are the same request (sent to the group and passed on). */
    static final long SAME_REQUEST_NANOS = 1_000_000_000L;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private StopSignals() {
    }

    static StopSignals install(AtomicBoolean stop) {
        StopSignals signals = new StopSignals();
        LAST.set(null);
        long[] firstAt = new long[1];
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler[] before = new SignalHandler[1];
                before[0] = Signal.handle(signal, s -> {
                    long now = System.nanoTime();
                    if (!stop.get()) {
                        firstAt[0] = now;
                        LAST.set(s.getName());
                        stop.set(true);
                        System.err.println("\n" + s.getName() + " received: finishing the current batch and saving a"
                                + " checkpoint (again to quit at once)");
                    } else if (now - firstAt[0] > SAME_REQUEST_NANOS) {
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
        return signals;
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
    }
}
