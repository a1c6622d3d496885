package dev.toolocr.engine.internal;

import static dev.toolocr.engine.internal.FakeNpmRegistry.entries;
import static dev.toolocr.engine.internal.FakeNpmRegistry.fakeTrainedData;
import static dev.toolocr.engine.internal.FakeNpmRegistry.gzip;
import static dev.toolocr.engine.internal.FakeNpmRegistry.tgz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolocr.engine.ErrorCode;
import dev.toolocr.engine.OcrException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageDataTest {

    @TempDir
    Path root;

    Path prefix;
    Path system;
    Path xdg;
    Path cache;

    @BeforeEach
    void layout() throws Exception {
        prefix = Files.createDirectories(root.resolve("prefix"));
        system = Files.createDirectories(root.resolve("usr/share/tesseract-ocr/5/tessdata"));
        xdg = root.resolve("xdg-cache");
        cache = Files.createDirectories(xdg.resolve("tool-ocr/tessdata"));
        install(prefix, "eng", "eng from TESSDATA_PREFIX");
        install(system, "eng", "eng from the system");
        install(system, "chi_tra", "chi_tra from the system");
        install(cache, "eng", "eng from the cache");
        install(cache, "chi_tra", "chi_tra from the cache");
        install(cache, "chi_sim", "chi_sim from the cache");
    }

    private Tessdata standard() {
        return Tessdata.fromEnvironment(
                Map.of("TESSDATA_PREFIX", prefix.toString(), "XDG_CACHE_HOME", xdg.toString()), List.of(system), null);
    }

    @Test
    void looksInTessdataPrefixThenTheSystemThenTheCache() {
        Tessdata tessdata = standard();

        assertThat(tessdata.cache()).isEqualTo(cache);
        assertThat(tessdata.find("eng")).map(Tessdata.Location::source).contains("TESSDATA_PREFIX");
        assertThat(tessdata.find("chi_tra")).map(Tessdata.Location::dir).contains(system);
        assertThat(tessdata.find("chi_sim")).map(Tessdata.Location::dir).contains(cache);
        assertThat(tessdata.find("osd")).isEmpty();
    }

    @Test
    void withoutTessdataPrefixTheSystemComesFirst() {
        Tessdata tessdata = Tessdata.fromEnvironment(Map.of("XDG_CACHE_HOME", xdg.toString()), List.of(system), null);

        assertThat(tessdata.find("eng")).map(Tessdata.Location::dir).contains(system);
        assertThat(tessdata.find("chi_sim")).map(Tessdata.Location::dir).contains(cache);
    }

    @Test
    void tessdataPrefixMayNameTheParentOfTessdata() throws Exception {
        Path parent = root.resolve("old-style");
        install(Files.createDirectories(parent.resolve("tessdata")), "osd", "osd");

        Tessdata tessdata = Tessdata.fromEnvironment(Map.of("TESSDATA_PREFIX", parent.toString()), List.of(), cache);

        assertThat(tessdata.find("osd")).map(Tessdata.Location::dir).contains(parent.resolve("tessdata"));
    }

    @Test
    void theCacheFollowsXdgThenHomeAndCanBeConfigured() {
        assertThat(Tessdata.defaultCache(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/home/u")))
                .isEqualTo(Path.of("/x/cache/tool-ocr/tessdata"));
        // The XDG spec says a relative path is invalid and must be ignored.
        assertThat(Tessdata.defaultCache(Map.of("XDG_CACHE_HOME", "rel", "HOME", "/home/u")))
                .isEqualTo(Path.of("/home/u/.cache/tool-ocr/tessdata"));
        assertThat(Tessdata.defaultCache(Map.of("HOME", "/home/u")))
                .isEqualTo(Path.of("/home/u/.cache/tool-ocr/tessdata"));
        Path configured = root.resolve("configured");
        assertThat(Tessdata.fromEnvironment(Map.of(), List.of(), configured).cache())
                .isEqualTo(configured);
    }

    @Test
    void tesseractSeesTheFirstCopyOfEachLanguageInOneDirectory() throws Exception {
        try (LanguageData data = new LanguageData(standard(), BundledLanguages.none(), null, false)) {
            data.require("eng+chi_tra+chi_sim");

            Path dir = data.directory();
            assertThat(Files.readString(dir.resolve("eng.traineddata"))).endsWith("eng from TESSDATA_PREFIX");
            assertThat(Files.readString(dir.resolve("chi_tra.traineddata"))).endsWith("chi_tra from the system");
            assertThat(Files.readString(dir.resolve("chi_sim.traineddata"))).endsWith("chi_sim from the cache");
        }
    }

    @Test
    void aLanguageInstalledLaterIsPickedUp() throws Exception {
        try (LanguageData data = new LanguageData(standard(), BundledLanguages.none(), null, false)) {
            assertThatThrownBy(() -> data.require("osd")).isInstanceOf(OcrException.class);
            install(system, "osd", "osd installed by apt meanwhile");

            data.require("osd");

            assertThat(Files.readString(data.directory().resolve("osd.traineddata")))
                    .endsWith("osd installed by apt meanwhile");
        }
    }

    @Test
    void linksRemovedByATempCleanerComeBack() throws Exception {
        install(cache, "osd", "osd from the cache");
        try (LanguageData data = new LanguageData(standard(), BundledLanguages.none(), null, false)) {
            Path dir = data.directory();
            for (String name : FakeNpmRegistry.list(dir)) {
                Files.delete(dir.resolve(name));
            }
            Files.delete(dir);

            data.require("eng");

            assertThat(Files.readString(dir.resolve("eng.traineddata"))).endsWith("eng from TESSDATA_PREFIX");
            assertThat(Files.readString(dir.resolve("osd.traineddata"))).endsWith("osd from the cache");
        }
    }

    @Test
    void aMissingLanguageIsOneLineNamingItAndHowToGetIt() {
        try (LanguageData data = new LanguageData(standard(), BundledLanguages.none(), null, false)) {
            assertThatThrownBy(() -> data.require("eng+chi_tra_vert"))
                    .isInstanceOf(OcrException.class)
                    .hasMessage("Language 'chi_tra_vert' is not installed; install it with 'sudo apt-get install"
                            + " tesseract-ocr-chi-tra-vert', put chi_tra_vert.traineddata in the directory named by"
                            + " TESSDATA_PREFIX, or fetch it with './tool-ocr ocr --fetch-languages chi_tra_vert'.")
                    .extracting(e -> ((OcrException) e).code())
                    .isEqualTo(ErrorCode.LANGUAGE_NOT_INSTALLED);
        }
    }

    @Test
    void nothingIsDownloadedUnlessFetchingIsEnabled() throws Exception {
        try (FakeNpmRegistry registry = new FakeNpmRegistry();
                LanguageData data = new LanguageData(
                        standard(),
                        BundledLanguages.none(),
                        new LanguageFetcher(registry.uri(), LanguageFetcher.DEFAULT_MAX_BYTES),
                        false)) {
            registry.publish(
                    "deu", tgz(entries("package/4.0.0_best_int/deu.traineddata.gz", gzip(fakeTrainedData("deu")))));

            assertThatThrownBy(() -> data.require("deu")).hasMessageContaining("is not installed");
            assertThat(registry.requests()).isZero();
        }
    }

    @Test
    void aMissingLanguageIsFetchedIntoTheCacheWhenEnabled() throws Exception {
        try (FakeNpmRegistry registry = new FakeNpmRegistry();
                LanguageData data = new LanguageData(
                        standard(),
                        BundledLanguages.none(),
                        new LanguageFetcher(registry.uri(), LanguageFetcher.DEFAULT_MAX_BYTES),
                        true)) {
            byte[] model = fakeTrainedData("deu");
            registry.publish("deu", tgz(entries("package/4.0.0_best_int/deu.traineddata.gz", gzip(model))));

            data.require("eng+deu");

            assertThat(Files.readAllBytes(cache.resolve("deu.traineddata"))).isEqualTo(model);
            assertThat(Files.readAllBytes(data.directory().resolve("deu.traineddata")))
                    .isEqualTo(model);
            // Present now: a second run does not ask the registry again.
            int asked = registry.requests();
            data.require("deu");
            assertThat(registry.requests()).isEqualTo(asked);
        }
    }

    @Test
    void anExplicitFetchSkipsALanguageAlreadyInstalled() throws Exception {
        try (FakeNpmRegistry registry = new FakeNpmRegistry();
                LanguageData data = new LanguageData(
                        standard(),
                        BundledLanguages.none(),
                        new LanguageFetcher(registry.uri(), LanguageFetcher.DEFAULT_MAX_BYTES),
                        false)) {
            LanguageData.FetchOutcome outcome = data.fetch("chi_tra");

            assertThat(outcome.fetched()).isNull();
            assertThat(outcome.installedAt().dir()).isEqualTo(system);
            assertThat(registry.requests()).isZero();
        }
    }

    @Test
    void aConfiguredDirectoryIsUsedAloneAndReceivesFetches() throws Exception {
        Path only = Files.createDirectories(root.resolve("only"));
        try (FakeNpmRegistry registry = new FakeNpmRegistry();
                LanguageData data = new LanguageData(
                        Tessdata.only(only),
                        BundledLanguages.none(),
                        new LanguageFetcher(registry.uri(), LanguageFetcher.DEFAULT_MAX_BYTES),
                        false)) {
            registry.publish(
                    "eng", tgz(entries("package/4.0.0_best_int/eng.traineddata.gz", gzip(fakeTrainedData("e")))));

            assertThat(data.directory()).isEqualTo(only);
            assertThatThrownBy(() -> data.require("eng")).hasMessageContaining("is not installed");
            assertThat(data.fetch("eng").fetched()).isNotNull();
            data.require("eng");
            assertThat(FakeNpmRegistry.list(only)).containsExactly("eng.traineddata");
        }
    }

    @Test
    void aShippedLanguageFoundNowhereIsUnpackedIntoTheCache() throws Exception {
        byte[] model = fakeTrainedData("kor that ships with the build");
        try (FakeNpmRegistry registry = new FakeNpmRegistry();
                LanguageData data = offline(registry, bundle(Map.of("kor", model)))) {
            data.require("eng+kor");

            assertThat(Files.readAllBytes(cache.resolve("kor.traineddata"))).isEqualTo(model);
            assertThat(Files.readAllBytes(data.directory().resolve("kor.traineddata")))
                    .isEqualTo(model);
            // No half-written file beside it.
            assertThat(FakeNpmRegistry.list(cache))
                    .containsExactlyInAnyOrder(
                            "eng.traineddata", "chi_tra.traineddata", "chi_sim.traineddata", "kor.traineddata");
            assertThat(registry.requests()).isZero();
        }
    }

    @Test
    void theShippedOsdIsThereAsSoonAsTheViewExists() throws Exception {
        byte[] osd = fakeTrainedData("shipped osd");
        // Orientation detection checks for osd when the processor starts, before any page is read.
        try (LanguageData data = new LanguageData(standard(), bundle(Map.of("osd", osd)), null, false)) {
            assertThat(Files.readAllBytes(data.directory().resolve("osd.traineddata")))
                    .isEqualTo(osd);
        }
    }

    @Test
    void anInstalledCopyIsUsedInPreferenceToTheShippedOne() throws Exception {
        install(prefix, "chi_sim", "chi_sim from TESSDATA_PREFIX");
        try (LanguageData data = new LanguageData(
                standard(), bundle(Map.of("chi_sim", fakeTrainedData("shipped chi_sim"))), null, false)) {
            data.require("chi_sim");

            assertThat(Files.readString(data.directory().resolve("chi_sim.traineddata")))
                    .endsWith("chi_sim from TESSDATA_PREFIX");
            // The cache's own older copy is left alone too: nothing was unpacked.
            assertThat(Files.readString(cache.resolve("chi_sim.traineddata"))).endsWith("chi_sim from the cache");
        }
    }

    @Test
    void aShippedModelThatDoesNotMatchItsChecksumIsRefusedAndNothingIsLeft() throws Exception {
        Path classes = root.resolve("damaged");
        BundledLanguages damaged = bundle(classes, Map.of("osd", fakeTrainedData("osd")));
        // Same size, other bytes: only the checksum can tell.
        Files.write(classes.resolve(BundledLanguages.RESOURCES + "osd.traineddata.gz"), gzip(fakeTrainedData("OSD")));
        try (LanguageData data = new LanguageData(standard(), damaged, null, false)) {
            assertThatThrownBy(() -> data.require("eng"))
                    .isInstanceOf(OcrException.class)
                    .hasMessageStartingWith("Language 'osd' could not be unpacked from the build: its model does not")
                    .extracting(e -> ((OcrException) e).code())
                    .isEqualTo(ErrorCode.LANGUAGE_NOT_INSTALLED);
        }
        assertThat(FakeNpmRegistry.list(cache))
                .containsExactlyInAnyOrder("eng.traineddata", "chi_tra.traineddata", "chi_sim.traineddata");
    }

    @Test
    void anExplicitFetchOfAShippedLanguageUnpacksItWithoutTheRegistry() throws Exception {
        byte[] model = fakeTrainedData("shipped kor");
        try (FakeNpmRegistry registry = new FakeNpmRegistry();
                LanguageData data = offline(registry, bundle(Map.of("kor", model)))) {
            LanguageData.FetchOutcome outcome = data.fetch("kor");

            assertThat(outcome.unpacked()).isTrue();
            assertThat(outcome.installedAt().dir()).isEqualTo(cache);
            assertThat(Files.readAllBytes(cache.resolve("kor.traineddata"))).isEqualTo(model);
            assertThat(registry.requests()).isZero();
        }
    }

    @Test
    void theBuildShipsTheFourLanguagesAndTheyUnpackIntact() throws Exception {
        BundledLanguages shipped = BundledLanguages.onClasspath();
        assertThat(shipped.languages()).containsExactlyInAnyOrder("eng", "osd", "chi_tra", "chi_sim");

        Path eng = shipped.install("eng", root.resolve("unpacked"));

        assertThat(Files.size(eng)).isEqualTo(shipped.model("eng").orElseThrow().bytes());
        assertThat(FakeNpmRegistry.list(root.resolve("unpacked"))).containsExactly("eng.traineddata");
    }

    /** The standard order with {@code bundled}, and a registry that may be asked only explicitly. */
    private LanguageData offline(FakeNpmRegistry registry, BundledLanguages bundled) {
        return new LanguageData(
                standard(), bundled, new LanguageFetcher(registry.uri(), LanguageFetcher.DEFAULT_MAX_BYTES), false);
    }

    /** Models as the languages jar packs them, on a class path of their own. */
    private BundledLanguages bundle(Map<String, byte[]> models) throws Exception {
        return bundle(root.resolve("bundle"), models);
    }

    private static BundledLanguages bundle(Path classes, Map<String, byte[]> models) throws Exception {
        Path dir = Files.createDirectories(classes.resolve(BundledLanguages.RESOURCES));
        StringBuilder manifest =
                new StringBuilder("variant=test\nlanguages=" + String.join(",", models.keySet()) + "\n");
        for (Map.Entry<String, byte[]> model : models.entrySet()) {
            Files.write(dir.resolve(model.getKey() + ".traineddata.gz"), gzip(model.getValue()));
            manifest.append(model.getKey())
                    .append(".bytes=")
                    .append(model.getValue().length)
                    .append('\n')
                    .append(model.getKey())
                    .append(".sha256=")
                    .append(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(model.getValue())))
                    .append('\n');
        }
        Files.writeString(dir.resolve("languages.properties"), manifest);
        return BundledLanguages.from(
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, null));
    }

    private static void install(Path dir, String language, String marker) throws Exception {
        Files.write(dir.resolve(language + ".traineddata"), fakeTrainedData(marker));
    }
}
