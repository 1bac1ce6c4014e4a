package cnnvsmlp.report;

import java.io.IOException;
import java.nio.file.Path;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import cnnvsmlp.FixableProblem;

/** Saves XChart charts as PNG files, atomically, without a display. */
public final class Pictures {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Pictures() {
    }

    public static void savePng(Chart<?, ?> chart, Path target) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            AtomicFiles.write(target, png);
        } catch (IOException e) {
            throw new FixableProblem("cannot write the picture " + target + " (" + e.getMessage()
                    + "); free disk space or pass --output-dir with another folder");
        }
    }
}
