package cnnvsmlp.runtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a stretch of training cost and beside what it ran: the CPU seconds this process used, its niceness, and the
 * machine's load. Wall-clock seconds compare across runs only when the runs had the machine alike; these say
 * whether they did.
 */
public final class ProcessLoad {

    private ProcessLoad() {
    }

    /** CPU seconds this process has used so far, all its threads (NaN where the JVM cannot tell). */
    public static double cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }

    /** The machine's load average over the last minute: threads running or waiting to (NaN where unknown). */
    public static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }

    /** This process's niceness (0 normally, 10 under {@code nice}), or null where /proc does not say. */
    public static Integer niceness() {
        try {
            return niceness(Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The niceness field of a /proc/PID/stat line (the 19th; the command in parentheses may hold spaces). */
    static Integer niceness(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Integer.parseInt(after[16]); // fields from the 3rd on: state is after[0], nice the 19th field
    }
}
