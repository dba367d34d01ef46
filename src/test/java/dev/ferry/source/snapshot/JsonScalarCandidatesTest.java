package dev.ferry.source.snapshot;

import dev.ferry.core.schema.TypedJson;
import dev.ferry.source.snapshot.JsonScalarCandidates.Candidate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class JsonScalarCandidatesTest {
    @Test
    void numbersWithoutExponentAndTemporalLookingStringsAreCandidatesWithTheirPaths() {
        String json = "{\"a\": [1.50, 1e300, \"x\", \"2020-01-01\", [true, null, -7]], \"d\": \"23:59:59.500000\", "
                + "\"t\": \"-838:59:59.000000\", \"dt\": \"2020-01-01 10:00:00.000001\", \"s\": \"2020-01-01 10:00\"}";
        assertThat(JsonScalarCandidates.of(json)).extracting(Candidate::path, Candidate::text, Candidate::number).containsExactly(
                tuple("$.\"a\"[0]", "1.50", true),
                tuple("$.\"a\"[3]", "2020-01-01", false),
                tuple("$.\"a\"[4][2]", "-7", true),
                tuple("$.\"d\"", "23:59:59.500000", false),
                tuple("$.\"t\"", "-838:59:59.000000", false),
                tuple("$.\"dt\"", "2020-01-01 10:00:00.000001", false));
    }

    @Test
    void memberNamesAreWrittenAsTheJsonStringsTheTextHolds() {
        String json = "{\"k\\\"\\\\ey\": {\"é 😀.$[0]\": 1}, \"\": [2], \"tab\\tkey\": 3}";
        assertThat(JsonScalarCandidates.of(json)).extracting(Candidate::path).containsExactly(
                "$.\"k\\\"\\\\ey\".\"é 😀.$[0]\"", "$.\"\"[0]", "$.\"tab\\tkey\"");
    }

    @Test
    void aScalarDocumentIsItsOwnRoot() {
        assertThat(JsonScalarCandidates.of("2.50")).extracting(Candidate::path, Candidate::text, Candidate::number).containsExactly(tuple("$", "2.50", true));
        assertThat(JsonScalarCandidates.of("\"2021-01-01\"")).extracting(Candidate::path, Candidate::text, Candidate::number).containsExactly(tuple("$", "2021-01-01", false));
        assertThat(JsonScalarCandidates.of(" [ ] ")).isEmpty();
        assertThat(JsonScalarCandidates.of("{}")).isEmpty();
    }

    @Test
    void stringsWithEscapesOrBracesDoNotConfuseTheWalk() {
        assertThat(JsonScalarCandidates.of("[\"a\\\"],{\", 5]")).extracting(Candidate::path, Candidate::text, Candidate::number).containsExactly(tuple("$[1]", "5", true));
    }

    @Test
    void malformedTextIsRefused() {
        assertThatThrownBy(() -> JsonScalarCandidates.of("{\"a\" 1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonScalarCandidates.of("[1, 2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonScalarCandidates.of("[1] x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSourcesTypesMakeTheTypedScalars() {
        List<Candidate> candidates = JsonScalarCandidates.of(
                "[1.50, 1, 7, 0.000000000000000000000000000001, \"2020-01-01\", \"2020-01-02\", \"10:00:00.000000\", "
                        + "\"2020-01-01 10:00:00.500000\", \"2020-01-01 10:00:00.500000\"]");
        List<String> types = List.of("DECIMAL", "DECIMAL", "INTEGER", "DECIMAL", "DATE", "STRING", "TIME", "DATETIME", "TIMESTAMP");
        assertThat(JsonScalarCandidates.typed(candidates, types)).containsExactly(
                new TypedJson.Scalar("$[0]", "DECIMAL(3,2)", "1.50"),
                new TypedJson.Scalar("$[1]", "DECIMAL(1,0)", "1"),
                new TypedJson.Scalar("$[3]", "DECIMAL(30,30)", "0.000000000000000000000000000001"),
                new TypedJson.Scalar("$[4]", "DATE", "2020-01-01"),
                new TypedJson.Scalar("$[6]", "TIME(6)", "10:00:00.000000"),
                new TypedJson.Scalar("$[7]", "DATETIME(6)", "2020-01-01 10:00:00.500000"),
                new TypedJson.Scalar("$[8]", "TIMESTAMP(6)", "2020-01-01 10:00:00.500000"));
    }

    @Test
    void longTimesHaveEveryReadingMySqlPrintsTheSame() {
        assertThat(JsonScalarCandidates.timeReadings("23:59:59.000000")).containsExactly("23:59:59.000000");
        assertThat(JsonScalarCandidates.timeReadings("-630:59:59.000000")).containsExactly("-630:59:59.000000", "-838:59:59.000000", "-830:59:59.000000");
        assertThat(JsonScalarCandidates.timeReadings("30:00:00.500000")).containsExactly("30:00:00.500000", "38:00:00.500000");
        assertThat(JsonScalarCandidates.timeReadings("76:00:00.000000")).containsExactly("76:00:00.000000", "100:00:00.000000", "92:00:00.000000");
        assertThat(JsonScalarCandidates.timeReadings("24:00:00.000000")).containsExactly("24:00:00.000000", "32:00:00.000000");
    }

    @Test
    void integralDoublesGetAPointSoTheyStayDoubles() {
        String json = "{\"a\": [1, -7, 2.5, 1e300, 10], \"b\": 3}";
        List<Candidate> candidates = JsonScalarCandidates.of(json);
        assertThat(JsonScalarCandidates.doublesAsDoubles(json, candidates, List.of("DOUBLE", "DOUBLE", "DOUBLE", "INTEGER", "DECIMAL")))
                .isEqualTo("{\"a\": [1.0, -7.0, 2.5, 1e300, 10], \"b\": 3}");
        assertThat(JsonScalarCandidates.doublesAsDoubles(json, candidates, List.of("INTEGER", "INTEGER", "DOUBLE", "INTEGER", "INTEGER")))
                .isSameAs(json);
    }

    @Test
    void typesMustMatchTheCandidates() {
        assertThatThrownBy(() -> JsonScalarCandidates.typed(JsonScalarCandidates.of("[1]"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opaqueAndTimestampScalarsAreTypedByTheSourcesAnswer() {
        String json = "{\"b\": \"base64:type254:DAAA\\nAAAA\", \"s\": \"base64:type15:AAA=\", \"t\": \"2020-01-02 03:04:05.500000\", "
                + "\"u\": \"2020-01-02 03:04:05.500000\"}";
        List<JsonScalarCandidates.Candidate> candidates = JsonScalarCandidates.of(json);
        assertThat(candidates).extracting(JsonScalarCandidates.Candidate::path).containsExactly("$.\"b\"", "$.\"s\"", "$.\"t\"", "$.\"u\"");
        assertThat(JsonScalarCandidates.typed(candidates, List.of("BLOB", "STRING", "TIMESTAMP", "DATETIME"))).containsExactly(
                new TypedJson.Scalar("$.\"b\"", "OPAQUE(254)", "0C0000000000"),
                new TypedJson.Scalar("$.\"t\"", "TIMESTAMP(6)", "2020-01-02 03:04:05.500000"),
                new TypedJson.Scalar("$.\"u\"", "DATETIME(6)", "2020-01-02 03:04:05.500000"));
        assertThat(JsonScalarCandidates.typed(JsonScalarCandidates.of("[\"base64:type16:AQ==\", \"base64:type13:MjAyMA==\"]"),
                List.of("BIT", "OPAQUE"))).containsExactly(new TypedJson.Scalar("$[0]", "OPAQUE(16)", "01"),
                new TypedJson.Scalar("$[1]", "OPAQUE(13)", "32303230"));
    }
}
