package cnnvsmlp.experiment;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The SHA-256 of what a run trains and is scored on (features and labels, float32, row-major), recorded in
 * config.json: a resumed run must see the same numbers, whatever the file's name and size (a CSV edited in place).
 */
final class DataChecksum {

    private DataChecksum() {
    }

    static String of(DataSet... sets) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (DataSet set : sets) {
                update(digest, set.getFeatures());
                update(digest, set.getLabels());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static void update(MessageDigest digest, INDArray array) {
        INDArray dense = array.dataType() == DataType.FLOAT && array.ordering() == 'c' && !array.isView() ? array
                : array.castTo(DataType.FLOAT).dup('c');
        for (long s : dense.shape()) {
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(s).flip());
        }
        ByteBuffer bytes = dense.data().asNio().duplicate();
        bytes.position((int) (dense.offset() * Float.BYTES));
        bytes.limit((int) ((dense.offset() + dense.length()) * Float.BYTES));
        digest.update(bytes);
    }
}
