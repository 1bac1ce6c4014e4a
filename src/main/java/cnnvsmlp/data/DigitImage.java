package cnnvsmlp.data;

import java.awt.image.BufferedImage;

/**
 * A picture of a handwritten digit prepared as MNIST's digits were: grey levels, a light digit on a dark ground
 * (a dark digit on a light ground is inverted), the digit's bounding box scaled to fit 20 x 20 with its aspect
 * ratio kept, and placed in 28 x 28 so that its centre of mass is at the centre. A 28 x 28 picture that already is
 * such a digit (it fits 20 x 20 and is centred to a pixel) is used as it is.
 */
public final class DigitImage {

    public static final int SIDE = 28;
    static final int BOX = 20;

    private DigitImage() {
    }

    /** The 784 grey levels (0 background .. 255 ink), row by row, of {@code image} prepared as MNIST's. */
    public static float[] prepare(BufferedImage image) {
        float[][] grey = inkOnBlack(image);
        int[] box = boundingBox(grey);
        if (box == null) {
            return new float[SIDE * SIDE]; // a blank picture
        }
        int width = box[2] - box[0] + 1;
        int height = box[3] - box[1] + 1;
        if (image.getWidth() == SIDE && image.getHeight() == SIDE && Math.max(width, height) <= BOX
                && centred(grey)) {
            return flat(grey); // already an MNIST digit: used as it is
        }
        double scale = (double) BOX / Math.max(width, height);
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        float[][] small = resize(grey, box, w, h);
        double[] centre = centreOfMass(small);
        int left = (int) Math.round(SIDE / 2.0 - centre[0]);
        int top = (int) Math.round(SIDE / 2.0 - centre[1]);
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int row = y + top;
                int column = x + left;
                if (row >= 0 && row < SIDE && column >= 0 && column < SIDE) {
                    out[row * SIDE + column] = Math.min(255f, small[y][x]);
                }
            }
        }
        return out;
    }

    /** Whether a prepared picture has any ink: a uniform picture (blank, one colour) prepares to all zeros. */
    public static boolean hasInk(float[] pixels) {
        for (float v : pixels) {
            if (v > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Luminance 0..255 per pixel, inverted when the ground (the border's mean) is light, then stretched so that the
     * ground is 0 and the brightest ink 255.
     */
    static float[][] inkOnBlack(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[][] grey = new float[h][w];
        double border = 0;
        int borderCount = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                double alpha = (argb >>> 24) / 255.0;
                double lum = 0.299 * (argb >> 16 & 0xff) + 0.587 * (argb >> 8 & 0xff) + 0.114 * (argb & 0xff);
                grey[y][x] = (float) (lum * alpha + 255 * (1 - alpha)); // transparent: a white page
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    border += grey[y][x];
                    borderCount++;
                }
            }
        }
        boolean light = border / borderCount > 127;
        double ground = light ? 255 - border / borderCount : border / borderCount;
        double ink = 0;
        for (float[] row : grey) {
            for (int x = 0; x < w; x++) {
                row[x] = light ? 255 - row[x] : row[x];
                ink = Math.max(ink, row[x]);
            }
        }
        // the ground to 0 and the brightest ink to 255, as in MNIST (a photo's paper is rarely white)
        double range = Math.max(1, ink - ground);
        for (float[] row : grey) {
            for (int x = 0; x < w; x++) {
                row[x] = (float) Math.max(0, Math.min(255, (row[x] - ground) * 255 / range));
            }
        }
        return grey;
    }

    /** {min x, min y, max x, max y} of the pixels with ink (above a fiftieth of the brightest), or null for none. */
    static int[] boundingBox(float[][] grey) {
        float max = 0;
        for (float[] row : grey) {
            for (float v : row) {
                max = Math.max(max, v);
            }
        }
        if (max < 32) {
            return null;
        }
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < grey.length; y++) {
            for (int x = 0; x < grey[y].length; x++) {
                if (grey[y][x] > max / 50) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }

    /**
     * The box of {@code grey} resampled to {@code w} x {@code h} by area averaging: each target pixel is the mean of
     * the source area it covers (partly covered pixels weighted by the part), as an anti-aliased downscale.
     */
    static float[][] resize(float[][] grey, int[] box, int w, int h) {
        double sx = (double) (box[2] - box[0] + 1) / w;
        double sy = (double) (box[3] - box[1] + 1) / h;
        float[][] out = new float[h][w];
        for (int ty = 0; ty < h; ty++) {
            for (int tx = 0; tx < w; tx++) {
                double y0 = ty * sy;
                double x0 = tx * sx;
                double sum = 0;
                double area = 0;
                for (int y = (int) Math.floor(y0); y < Math.ceil(y0 + sy); y++) {
                    double wy = Math.min(y + 1, y0 + sy) - Math.max(y, y0);
                    for (int x = (int) Math.floor(x0); x < Math.ceil(x0 + sx); x++) {
                        double wx = Math.min(x + 1, x0 + sx) - Math.max(x, x0);
                        sum += wx * wy * grey[box[1] + y][box[0] + x];
                        area += wx * wy;
                    }
                }
                out[ty][tx] = (float) (sum / area);
            }
        }
        return out;
    }

    /** Whether the centre of mass of a 28 x 28 picture is within a pixel of its centre, as MNIST's are. */
    private static boolean centred(float[][] grey) {
        double[] centre = centreOfMass(grey);
        return Math.abs(centre[0] - SIDE / 2.0) <= 1 && Math.abs(centre[1] - SIDE / 2.0) <= 1;
    }

    private static float[] flat(float[][] grey) {
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            System.arraycopy(grey[y], 0, out, y * SIDE, SIDE);
        }
        return out;
    }

    /** {x, y} of the grey-weighted centre of mass, in pixel-centre coordinates. */
    static double[] centreOfMass(float[][] grey) {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < grey.length; y++) {
            for (int x = 0; x < grey[y].length; x++) {
                sum += grey[y][x];
                sx += grey[y][x] * (x + 0.5);
                sy += grey[y][x] * (y + 0.5);
            }
        }
        return sum == 0 ? new double[] {grey[0].length / 2.0, grey.length / 2.0} : new double[] {sx / sum, sy / sum};
    }

    /**
     * The pixels a picture declares in its header, read without decoding it (a 50-megapixel photo would need 400 MB
     * decoded), or -1 when no reader knows its format.
     */
    public static long declaredPixels(javax.imageio.stream.ImageInputStream in) throws java.io.IOException {
        var readers = in == null ? null : javax.imageio.ImageIO.getImageReaders(in);
        if (readers == null || !readers.hasNext()) {
            return -1;
        }
        var reader = readers.next();
        try {
            reader.setInput(in);
            return (long) reader.getWidth(0) * reader.getHeight(0);
        } finally {
            reader.dispose();
        }
    }

    /** {@code pixels} (784 grey levels) as a 28 x 28 picture, to show what a network saw. */
    public static BufferedImage picture(float[] pixels) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < pixels.length; i++) {
            image.getRaster().setSample(i % SIDE, i / SIDE, 0, Math.round(pixels[i]));
        }
        return image;
    }
}
