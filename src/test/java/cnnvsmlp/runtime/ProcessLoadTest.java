package cnnvsmlp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessLoadTest {

    @Test
    void theNicenessIsTheNineteenthFieldOfProcStatEvenWithSpacesInTheCommand() {
        String stat = "4242 (java with spaces) S 1 4242 4242 0 -1 4194560 5 0 0 0 1 2 0 0 30 10 12 0 99 100 200";
        assertEquals(10, ProcessLoad.niceness(stat));
    }

    @Test
    void thisProcessHasUsedCpuAndHasANiceness() {
        double before = ProcessLoad.cpuSeconds();
        double sum = 0;
        for (int i = 0; i < 20_000_000; i++) {
            sum += Math.sqrt(i);
        }
        assertTrue(sum > 0);
        assertTrue(ProcessLoad.cpuSeconds() > before, "CPU time grows with work");
        assertTrue(ProcessLoad.niceness() != null && ProcessLoad.niceness() >= -20 && ProcessLoad.niceness() <= 19);
        assertTrue(ProcessLoad.loadAverage() >= 0);
    }
}
