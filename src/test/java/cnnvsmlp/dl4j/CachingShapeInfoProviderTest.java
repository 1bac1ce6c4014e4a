package cnnvsmlp.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.BaseShapeInfoProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class CachingShapeInfoProviderTest {

    /** ND4J's uncached path, for comparison. */
    private static final BaseShapeInfoProvider UNCACHED = new BaseShapeInfoProvider() {
        @Override
        public void purgeCache() {
        }
    };

    @Test
    void aCachedDescriptorIsTheOneNd4jWouldHaveMade() {
        CachingShapeInfoProvider provider = new CachingShapeInfoProvider();
        long[][] shapes = {{10, 8}, {8, 10}, {2048, 6, 24, 24}, {1, 1}, {0, 5}, {177}};
        for (long[] shape : shapes) {
            for (char order : new char[] {'c', 'f'}) {
                for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE, DataType.INT}) {
                    long[] stride = Nd4j.getStrides(shape, order);
                    Pair<DataBuffer, long[]> first = provider.createShapeInformation(shape, stride, 1, order, type,
                            false);
                    Pair<DataBuffer, long[]> again = provider.createShapeInformation(shape.clone(), stride.clone(),
                            1, order, type, false);
                    Pair<DataBuffer, long[]> fresh = UNCACHED.createShapeInformation(shape, stride, 1, order, type,
                            false);
                    assertSame(first, again, "the same shape comes from the cache");
                    assertArrayEquals(fresh.getSecond(), first.getSecond());
                    assertArrayEquals(fresh.getFirst().asLong(), first.getFirst().asLong());
                }
            }
        }
        // 6 shapes x 2 orders x 3 types; {1, 1} and {177} have the same strides in both orders but their
        // descriptors still record the order, so they stay apart
        assertEquals(36, provider.size());
    }

    @Test
    void descriptorsThatDifferInAnyFieldStayApart() {
        CachingShapeInfoProvider provider = new CachingShapeInfoProvider();
        long[] shape = {4, 6};
        Pair<DataBuffer, long[]> c = provider.createShapeInformation(shape, new long[] {6, 1}, 1, 'c', DataType.FLOAT,
                false);
        Pair<DataBuffer, long[]> view = provider.createShapeInformation(shape, new long[] {12, 1}, 0, 'c',
                DataType.FLOAT, false);
        Pair<DataBuffer, long[]> empty = provider.createShapeInformation(shape, new long[] {6, 1}, 1, 'c',
                DataType.FLOAT, true);
        assertNotSame(c, view);
        assertNotSame(c, empty);
        assertEquals(12, view.getSecond()[3], "the view keeps its row stride");
        long extras = org.nd4j.linalg.api.shape.options.ArrayOptionsHelper.setOptionBit(0L, DataType.FLOAT);
        Pair<DataBuffer, long[]> viaExtras = provider.createShapeInformation(shape, new long[] {6, 1}, 1, 'c', extras);
        assertArrayEquals(c.getSecond(), viaExtras.getSecond());
        assertSame(viaExtras, provider.createShapeInformation(shape, new long[] {6, 1}, 1, 'c', extras));
    }

    @Test
    void arraysAndViewsMadeThroughTheCacheHoldTheirValues() {
        INDArray a = Nd4j.linspace(DataType.FLOAT, 1, 24, 1).reshape('c', 4, 6);
        INDArray b = Nd4j.linspace(DataType.FLOAT, 1, 24, 1).reshape('c', 4, 6);
        INDArray column = a.get(NDArrayIndex.all(), NDArrayIndex.point(2));
        assertArrayEquals(new float[] {3, 9, 15, 21}, column.toFloatVector());
        assertEquals(b, a);
        INDArray f = a.dup('f');
        assertEquals(a, f);
        assertEquals(a.sum(0), f.sum(0));
        assertArrayEquals(new float[] {3, 9, 15, 21}, f.get(NDArrayIndex.all(), NDArrayIndex.point(2)).toFloatVector());
    }
}
