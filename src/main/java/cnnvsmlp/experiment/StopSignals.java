package cnnvsmlp.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during training: the first asks the trainer to stop after the current batch and
 * save a checkpoint (the run then exits with 130 or 143); a second one ends the JVM at once, as usual.
 * The previous handlers come back when training ends.
 */
final class StopSignals implements AutoCloseable {

    private static final AtomicReference<String> LAST = new AtomicReference<>();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private StopSignals() {
    }

    static StopSignals install(AtomicBoolean stop) {
        StopSignals signals = new StopSignals();
        LAST.set(null);
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler[] before = new SignalHandler[1];
                before[0] = Signal.handle(signal, s -> {
                    if (stop.getAndSet(true)) {
                        before[0].handle(s); // the second time: the JVM's own handling (exit)
                    } else {
                        LAST.set(s.getName());
                        System.err.println("\n" + s.getName() + " received: finishing the current batch and saving a"
                                + " checkpoint (again to quit at once)");
                    }
                });
                signals.previous.put(signal, before[0]);
            } catch (IllegalArgumentException e) {
                // this platform has no such signal, or the JVM reserves it (-Xrs): the default behaviour stays
            }
        }
        return signals;
    }

    /** 130 after SIGINT, 143 after SIGTERM (128 + the signal number), as a shell reports them. */
    static int exitCode() {
        return "TERM".equals(LAST.get()) ? 143 : 130;
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
