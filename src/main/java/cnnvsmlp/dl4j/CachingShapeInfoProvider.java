package cnnvsmlp.dl4j;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.BaseShapeInfoProvider;

/**
 * ND4J's CPU shape-descriptor provider with a cache for every new array, not only for some.
 *
 * <p>Each ND4J array carries a shape descriptor (rank, shape, strides, data type, order) in native memory.
 * libnd4j keeps every descriptor it has made as a constant for the life of the process; the Java side asks for
 * one through ND4J's {@code ShapeInfoProvider}. The CPU backend's {@code DirectShapeInfoProvider} caches the
 * answers of one of its two methods, but ND4J's array constructors call the other, so every new array, even of
 * a shape seen a thousand times, makes two JavaCPP pointers (with their deallocators), a JNI call and a Java
 * wrapper for a descriptor that already exists. On the beans' 10 x 2 batches that was about a third of each
 * {@code fit}.
 *
 * <p>This provider caches both methods' answers, up to {@link #MAX_ENTRIES} shapes, keyed on every field of
 * the descriptor. An answer is exactly what ND4J would have returned (the same native constant), so nothing
 * computed changes. It is for the CPU backend only (CUDA's provider also keeps descriptors on the device);
 * {@link Nd4jRuntime#beforeLoad} selects it through ND4J's {@code shapeinfoprovider} property.
 */
public final class CachingShapeInfoProvider extends BaseShapeInfoProvider {

    /** How many distinct descriptors are kept; past it, new shapes go uncached, as in ND4J's own provider. */
    public static final int MAX_ENTRIES = 10_000;

    private record Key(long[] shape, long[] stride, long elementWiseStride, char order, long extras,
            DataType dataType, boolean empty) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Arrays.equals(shape, k.shape) && Arrays.equals(stride, k.stride)
                    && elementWiseStride == k.elementWiseStride && order == k.order && extras == k.extras
                    && dataType == k.dataType && empty == k.empty;
        }

        @Override
        public int hashCode() {
            int h = Arrays.hashCode(shape);
            h = 31 * h + Arrays.hashCode(stride);
            h = 31 * h + Long.hashCode(elementWiseStride);
            h = 31 * h + order;
            h = 31 * h + Long.hashCode(extras);
            h = 31 * h + (dataType == null ? 0 : dataType.ordinal());
            return 31 * h + (empty ? 1 : 0);
        }

        @Override
        public String toString() {
            return Arrays.toString(shape) + " " + Arrays.toString(stride) + " " + order + " " + dataType;
        }
    }

    private final Map<Key, Pair<DataBuffer, long[]>> cache = new ConcurrentHashMap<>();

    @Override
    public Pair<DataBuffer, long[]> createShapeInformation(long[] shape, long[] stride, long elementWiseStride,
            char order, DataType dataType, boolean empty) {
        Key key = new Key(shape.clone(), stride.clone(), elementWiseStride, order, 0, dataType, empty);
        Pair<DataBuffer, long[]> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        return remember(key, super.createShapeInformation(shape, stride, elementWiseStride, order, dataType, empty));
    }

    @Override
    public Pair<DataBuffer, long[]> createShapeInformation(long[] shape, long[] stride, long elementWiseStride,
            char order, long extras) {
        // as ND4J's DirectShapeInfoProvider: a negative element-wise stride is stored as 0
        long ews = Math.max(elementWiseStride, 0);
        Key key = new Key(shape.clone(), stride.clone(), ews, order, extras, null, false);
        Pair<DataBuffer, long[]> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        return remember(key, super.createShapeInformation(shape, stride, ews, order, extras));
    }

    private Pair<DataBuffer, long[]> remember(Key key, Pair<DataBuffer, long[]> created) {
        if (cache.size() < MAX_ENTRIES) {
            Pair<DataBuffer, long[]> raced = cache.putIfAbsent(key, created);
            if (raced != null) {
                return raced;
            }
            bytes.addAndGet(created.getFirst().length() * 8);
        }
        return created;
    }

    /** How many descriptors are cached. */
    public int size() {
        return cache.size();
    }

    @Override
    public void purgeCache() {
        cache.clear();
    }
}
