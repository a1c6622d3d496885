package dev.toolocr.engine.internal;

import static dev.toolocr.engine.internal.FakeNpmRegistry.entries;
import static dev.toolocr.engine.internal.FakeNpmRegistry.fakeTrainedData;
import static dev.toolocr.engine.internal.FakeNpmRegistry.gzip;
import static dev.toolocr.engine.internal.FakeNpmRegistry.tgz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolocr.engine.ErrorCode;
import dev.toolocr.engine.OcrException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageFetcherTest {

    @TempDir
    Path root;

    Path cache;
    FakeNpmRegistry registry;
    LanguageFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        cache = root.resolve("user-cache/tool-ocr/tessdata");
        registry = new FakeNpmRegistry();
        fetcher = new LanguageFetcher(registry.uri(), LanguageFetcher.DEFAULT_MAX_BYTES);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void installsTheBestIntModelFromTheVerifiedTarball() throws Exception {
        byte[] bestInt = fakeTrainedData("best_int");
        registry.publish(
                "chi_tra",
                tgz(entries(
                        "package/package.json", "{}".getBytes(StandardCharsets.UTF_8),
                        "package/4.0.0/chi_tra.traineddata.gz", gzip(fakeTrainedData("legacy")),
                        "package/4.0.0_best_int/chi_tra.traineddata.gz", gzip(bestInt))));

        LanguageFetcher.Fetched fetched = fetcher.fetch("chi_tra", cache);

        assertThat(fetched.file()).isEqualTo(cache.resolve("chi_tra.traineddata"));
        assertThat(fetched.packageName()).isEqualTo("@tesseract.js-data/chi_tra");
        assertThat(fetched.version()).isEqualTo("1.0.0");
        assertThat(Files.readAllBytes(fetched.file())).isEqualTo(bestInt);
        assertThat(FakeNpmRegistry.list(cache)).containsExactly("chi_tra.traineddata");
    }

    @Test
    void readsNamesLongerThanATarHeaderHolds() throws Exception {
        byte[] model = fakeTrainedData("deep");
        String deep = "package/" + "nested-directory/".repeat(8) + "eng.traineddata";
        registry.publish("eng", tgz(entries(deep, model)));

        assertThat(Files.readAllBytes(fetcher.fetch("eng", cache).file())).isEqualTo(model);
    }

    @Test
    void refusesADownloadThatDoesNotMatchTheIntegrity() throws Exception {
        byte[] tgz = tgz(entries("package/4.0.0_best_int/eng.traineddata.gz", gzip(fakeTrainedData("x"))));
        String otherIntegrity = FakeNpmRegistry.integrity("something else".getBytes(StandardCharsets.UTF_8));
        registry.publish("eng", tgz, otherIntegrity, registry.uri() + "tarballs/eng-1.0.0.tgz");

        assertThatThrownBy(() -> fetcher.fetch("eng", cache))
                .isInstanceOf(OcrException.class)
                .hasMessage("Language 'eng' could not be fetched: the download does not match the registry's"
                        + " sha512 checksum; nothing was installed.");
        assertThat(FakeNpmRegistry.list(cache)).isEmpty();
    }

    @Test
    void refusesAPackageWithAPathThatLeavesItsDirectory() throws Exception {
        registry.publish(
                "eng",
                tgz(entries(
                        "package/4.0.0_best_int/eng.traineddata.gz", gzip(fakeTrainedData("x")),
                        "package/../../../escaped.traineddata", fakeTrainedData("evil"))));

        assertThatThrownBy(() -> fetcher.fetch("eng", cache))
                .isInstanceOf(OcrException.class)
                .hasMessageContaining("unsafe path (package/../../../escaped.traineddata)")
                .hasMessageEndingWith("nothing was installed.");
        assertThat(FakeNpmRegistry.list(cache)).isEmpty();
        assertThat(Files.exists(root.resolve("escaped.traineddata"))).isFalse();
    }

    @Test
    void refusesATraversalHiddenInAPaxHeader() throws Exception {
        String hidden = "package/" + "a/".repeat(60) + "../".repeat(70) + "eng.traineddata";
        registry.publish("eng", tgz(entries(hidden, fakeTrainedData("evil"))));

        assertThatThrownBy(() -> fetcher.fetch("eng", cache)).hasMessageContaining("unsafe path");
        assertThat(FakeNpmRegistry.list(cache)).isEmpty();
    }

    @Test
    void refusesAbsolutePaths() {
        assertThat(LanguageFetcher.isSafe("/etc/passwd")).isFalse();
        assertThat(LanguageFetcher.isSafe("C:/x")).isFalse();
        assertThat(LanguageFetcher.isSafe("package\\..\\x")).isFalse();
        assertThat(LanguageFetcher.isSafe("package/4.0.0/eng.traineddata.gz")).isTrue();
    }

    @Test
    void refusesAPackageOverTheSizeCap() throws Exception {
        registry.publish("eng", tgz(entries("package/eng.traineddata", fakeTrainedData("x".repeat(10_000)))));
        LanguageFetcher small = new LanguageFetcher(registry.uri(), 1024);

        assertThatThrownBy(() -> small.fetch("eng", cache))
                .hasMessage("Language 'eng' could not be fetched: its package is larger than the limit of 1024 bytes;"
                        + " nothing was installed.");
        assertThat(FakeNpmRegistry.list(cache)).isEmpty();
    }

    @Test
    void refusesAModelThatExpandsPastTheCap() throws Exception {
        // 2 MB of zeros gzip to a few kB: the download passes, the expansion must not.
        byte[] bomb = new byte[2 * 1024 * 1024];
        bomb[0] = 3;
        registry.publish("eng", tgz(entries("package/eng.traineddata.gz", gzip(bomb))));
        LanguageFetcher capped = new LanguageFetcher(registry.uri(), 1024 * 1024);

        assertThatThrownBy(() -> capped.fetch("eng", cache)).hasMessageContaining("larger than the limit of 1 MB");
        assertThat(FakeNpmRegistry.list(cache)).isEmpty();
    }

    @Test
    void refusesSomethingThatIsNotLanguageData() throws Exception {
        registry.publish(
                "eng",
                tgz(entries("package/eng.traineddata", "<html>rate limited</html>".getBytes(StandardCharsets.UTF_8))));

        assertThatThrownBy(() -> fetcher.fetch("eng", cache))
                .hasMessageContaining("does not hold Tesseract language data");
        assertThat(FakeNpmRegistry.list(cache)).isEmpty();
    }

    @Test
    void namesAPackageTheRegistryDoesNotHave() {
        assertThatThrownBy(() -> fetcher.fetch("klingon", cache))
                .isInstanceOf(OcrException.class)
                .hasMessage("Language 'klingon' is not available: the registry has no package"
                        + " @tesseract.js-data/klingon.")
                .extracting(e -> ((OcrException) e).code())
                .isEqualTo(ErrorCode.LANGUAGE_NOT_INSTALLED);
    }

    @Test
    void doesNotFollowATarballToAnotherHost() throws Exception {
        byte[] tgz = tgz(entries("package/eng.traineddata", fakeTrainedData("x")));
        registry.publish("eng", tgz, FakeNpmRegistry.integrity(tgz), "http://example.invalid/eng-1.0.0.tgz");

        assertThatThrownBy(() -> fetcher.fetch("eng", cache)).hasMessageContaining("not on the registry's host");
        assertThat(registry.requests()).isEqualTo(1);
    }

    @Test
    void saysWhenTheRegistryCannotBeReached() throws Exception {
        java.net.URI closed = registry.uri();
        registry.close();
        LanguageFetcher unreachable = new LanguageFetcher(closed, LanguageFetcher.DEFAULT_MAX_BYTES);

        assertThatThrownBy(() -> unreachable.fetch("eng", cache))
                .hasMessage("Language 'eng' could not be fetched: the registry 127.0.0.1 could not be reached;"
                        + " nothing was installed.");
    }

    @Test
    void givesUpOnATarballThatStopsArrivingAndLeavesNothingBehind() throws Exception {
        registry.publish("eng", tgz(entries("package/4.0.0_best_int/eng.traineddata.gz", gzip(fakeTrainedData("x")))));
        registry.stallTarballs(java.time.Duration.ofSeconds(3));
        LanguageFetcher impatient = new LanguageFetcher(
                registry.uri(), LanguageFetcher.DEFAULT_MAX_BYTES, java.time.Duration.ofMillis(500));

        assertThatThrownBy(() -> impatient.fetch("eng", cache))
                .isInstanceOf(OcrException.class)
                .hasMessageContaining("did not finish sending within");
        assertThat(FakeNpmRegistry.list(cache)).isEmpty();
    }

    @Test
    void readsSriIntegrity() {
        assertThat(LanguageFetcher.sha512("sha1-abc sha512-AAAA")).hasSize(3);
        assertThat(LanguageFetcher.sha512("sha1-abc")).isNull();
    }
}
