package dev.toolocr.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadNamesTest {

    @Test
    void keepsOnlyTheLastPathSegmentOfHostileNames() {
        assertThat(UploadNames.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadNames.displayName("/etc/shadow")).isEqualTo("shadow");
        assertThat(UploadNames.displayName("C:\\Windows\\system32\\evil.png")).isEqualTo("evil.png");
    }

    @Test
    void dropsControlNulAndBidiOverrideCharacters() {
        assertThat(UploadNames.displayName("inv\u0000oice\n.png")).isEqualTo("invoice.png");
        assertThat(UploadNames.displayName("photo\u202Egnp.exe")).isEqualTo("photognp.exe");
    }

    @Test
    void neverYieldsHiddenOrEmptyNames() {
        assertThat(UploadNames.displayName("..")).isEqualTo("upload");
        assertThat(UploadNames.displayName(".bashrc")).isEqualTo("bashrc");
        assertThat(UploadNames.displayName(null)).isEqualTo("upload");
        assertThat(UploadNames.displayName("   ")).isEqualTo("upload");
    }

    @Test
    void cutsVeryLongNamesWithoutSplittingCharacters() {
        String name = UploadNames.displayName("😀".repeat(300) + ".png");
        assertThat(name.length()).isLessThanOrEqualTo(Task.MAX_FILENAME_LENGTH);
        assertThat(Character.isHighSurrogate(name.charAt(name.length() - 1))).isFalse();
    }

    @Test
    void keepsUnicodeNamesAndDerivesResultBaseName() {
        assertThat(UploadNames.displayName("報告 2026.png")).isEqualTo("報告 2026.png");
        assertThat(UploadNames.baseName("報告 2026.png")).isEqualTo("報告 2026");
        assertThat(UploadNames.baseName("README")).isEqualTo("README");
    }
}
