package cnnvsmlp.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Marching squares: the line where a field sampled on a grid crosses a level, as straight segments, each end
 * linearly interpolated along a cell edge. Two crossings in a cell give one segment; four (a saddle) give two,
 * paired by the value at the cell's centre.
 */
final class Contour {

    private Contour() {
    }

    /**
     * Segments {x, y, x', y'} where {@code value[i][j]} (at {@code (x[i], y[j])}) crosses {@code level}; a corner
     * exactly at the level counts as above it.
     */
    static List<double[]> segments(double[] x, double[] y, double[][] value, double level) {
        List<double[]> segments = new ArrayList<>();
        for (int i = 0; i + 1 < x.length; i++) {
            for (int j = 0; j + 1 < y.length; j++) {
                // corners anticlockwise from bottom left: (i,j) (i+1,j) (i+1,j+1) (i,j+1)
                double[][] corner = {{x[i], y[j], value[i][j]}, {x[i + 1], y[j], value[i + 1][j]},
                        {x[i + 1], y[j + 1], value[i + 1][j + 1]}, {x[i], y[j + 1], value[i][j + 1]}};
                List<double[]> crossings = new ArrayList<>();
                for (int e = 0; e < 4; e++) {
                    double[] a = corner[e];
                    double[] b = corner[(e + 1) % 4];
                    if ((a[2] >= level) != (b[2] >= level)) {
                        double t = (level - a[2]) / (b[2] - a[2]);
                        crossings.add(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])});
                    }
                }
                if (crossings.size() == 2) {
                    segments.add(join(crossings.get(0), crossings.get(1)));
                } else if (crossings.size() == 4) {
                    double centre = (corner[0][2] + corner[1][2] + corner[2][2] + corner[3][2]) / 4;
                    boolean firstAbove = corner[0][2] >= level;
                    // crossings lie on edges 0-1, 1-2, 2-3, 3-0; when the centre is on corner 0's side, corner 0 and
                    // corner 2 connect through the middle, so the line cuts off corners 1 and 3
                    if ((centre >= level) == firstAbove) {
                        segments.add(join(crossings.get(0), crossings.get(1)));
                        segments.add(join(crossings.get(2), crossings.get(3)));
                    } else {
                        segments.add(join(crossings.get(3), crossings.get(0)));
                        segments.add(join(crossings.get(1), crossings.get(2)));
                    }
                }
            }
        }
        return segments;
    }

    private static double[] join(double[] a, double[] b) {
        return new double[] {a[0], a[1], b[0], b[1]};
    }
}
