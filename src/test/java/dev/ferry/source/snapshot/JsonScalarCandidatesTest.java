package dev.ferry.source.snapshot;

import dev.ferry.core.schema.TypedJson;
import dev.ferry.source.snapshot.JsonScalarCandidates.Candidate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonScalarCandidatesTest {
    @Test
    void numbersWithoutExponentAndTemporalLookingStringsAreCandidatesWithTheirPaths() {
        String json = "{\"a\": [1.50, 1e300, \"x\", \"2020-01-01\", [true, null, -7]], \"d\": \"23:59:59.500000\", "
                + "\"t\": \"-838:59:59.000000\", \"dt\": \"2020-01-01 10:00:00.000001\", \"s\": \"2020-01-01 10:00\"}";
        assertThat(JsonScalarCandidates.of(json)).containsExactly(
                new Candidate("$.\"a\"[0]", "1.50", true),
                new Candidate("$.\"a\"[3]", "2020-01-01", false),
                new Candidate("$.\"a\"[4][2]", "-7", true),
                new Candidate("$.\"d\"", "23:59:59.500000", false),
                new Candidate("$.\"t\"", "-838:59:59.000000", false),
                new Candidate("$.\"dt\"", "2020-01-01 10:00:00.000001", false));
    }

    @Test
    void memberNamesAreWrittenAsTheJsonStringsTheTextHolds() {
        String json = "{\"k\\\"\\\\ey\": {\"é 😀.$[0]\": 1}, \"\": [2], \"tab\\tkey\": 3}";
        assertThat(JsonScalarCandidates.of(json)).extracting(Candidate::path).containsExactly(
                "$.\"k\\\"\\\\ey\".\"é 😀.$[0]\"", "$.\"\"[0]", "$.\"tab\\tkey\"");
    }

    @Test
    void aScalarDocumentIsItsOwnRoot() {
        assertThat(JsonScalarCandidates.of("2.50")).containsExactly(new Candidate("$", "2.50", true));
        assertThat(JsonScalarCandidates.of("\"2021-01-01\"")).containsExactly(new Candidate("$", "2021-01-01", false));
        assertThat(JsonScalarCandidates.of(" [ ] ")).isEmpty();
        assertThat(JsonScalarCandidates.of("{}")).isEmpty();
    }

    @Test
    void stringsWithEscapesOrBracesDoNotConfuseTheWalk() {
        assertThat(JsonScalarCandidates.of("[\"a\\\"],{\", 5]")).containsExactly(new Candidate("$[1]", "5", true));
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
                new TypedJson.Scalar("$[7]", "DATETIME(6)", "2020-01-01 10:00:00.500000"));
    }

    @Test
    void typesMustMatchTheCandidates() {
        assertThatThrownBy(() -> JsonScalarCandidates.typed(JsonScalarCandidates.of("[1]"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
