package dev.ferry.sink.bind;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadDataTextTest {

    private static String render(Object[]... rows) {
        LoadDataText text = new LoadDataText();
        for (Object[] row : rows) {
            for (Object value : row) {
                text.field(value);
            }
            text.endRow();
        }
        return new String(text.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void escapesWhatLoadDataWouldReadAsStructureAndWritesNullAsBackslashN() {
        assertThat(render(new Object[] {"a\tb", "c\nd", "e\\f", "g\0h", "i\rj", null, "\\N", "NULL", ""}))
                .isEqualTo("a\\tb\tc\\nd\te\\\\f\tg\\0h\ti\\rj\t\\N\t\\\\N\tNULL\t\n");
    }

    @Test
    void encodesTextAsUtf8WithSurrogatePairsAndALoneSurrogateAsQuestionMark() {
        String rendered = render(new Object[] {"Ñ😀€", "x\ud800y"});
        assertThat(rendered).isEqualTo("Ñ😀€\tx?y\n");
        assertThat(render(new Object[] {"😀"}).getBytes(StandardCharsets.UTF_8)).hasSize(5);
    }

    @Test
    void longValuesRenderExactlyAsShortOnesDo() {
        // Values of 16 characters or more take the bulk UTF-8 path; it must agree with the per-character one.
        String[] pieces = {"a\tb", "c\nd", "e\\f", "g\0h", "i\rj", "\\N", "Ñ😀€", "x\ud800y", "\udc00", "😀\ud83d", "\u0080\u07ff\u0800\uffff"};
        String pad = "p".repeat(16);
        for (String piece : pieces) {
            assertThat(render(new Object[] {pad + piece + piece})).isEqualTo(pad + render(new Object[] {piece}).replace("\n", "")
                    + render(new Object[] {piece}));
        }
    }

    @Test
    void writesNumbersInTheBindersExactTextAndBytesAsHex() {
        assertThat(render(new Object[] {Long.MIN_VALUE, -0.0d, Double.MIN_VALUE, Float.MAX_VALUE, -0.0f, new byte[] {0, 9, 10, (byte) 0xff}, new byte[0]},
                new Object[] {1L}))
                .isEqualTo(Long.MIN_VALUE + "\t-0.0\t4.9E-324\t" + (double) Float.MAX_VALUE + "\t-0.0\t00090AFF\t\n1\n");
    }

    @Test
    void growsPastItsFirstBufferAndStartsOverWhenCleared() {
        LoadDataText text = new LoadDataText();
        String big = "é".repeat(100_000);
        text.field(big);
        text.endRow();
        assertThat(text.size()).isEqualTo(200_001);
        text.clear();
        text.field(1L);
        text.endRow();
        assertThat(new String(text.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("1\n");
    }

    @Test
    void refusesATypeNoChangeBatchCarries() {
        assertThatThrownBy(() -> render(new Object[] {new Object()})).isInstanceOf(IllegalArgumentException.class);
    }
}
