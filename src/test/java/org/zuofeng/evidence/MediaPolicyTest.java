package org.zuofeng.evidence;

import org.junit.jupiter.api.Test;
import org.zuofeng.support.Media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Evidence types are told by their bytes, whatever the client declares. */
class MediaPolicyTest {

    private final MediaPolicy policy = new MediaPolicy(25L << 20, 2L << 30, 50L << 20);

    @Test
    void theSixAcceptedTypesAreRecognisedByTheirFirstBytes() throws IOException {
        assertEquals(Optional.of("image/jpeg"), sniff(Media.jpeg(2048)));
        assertEquals(Optional.of("image/png"), sniff(Media.png(2048)));
        assertEquals(Optional.of("image/heic"), sniff(Media.heic(2048)));
        assertEquals(Optional.of("video/mp4"), sniff(Media.mp4(2048)));
        assertEquals(Optional.of("video/quicktime"), sniff(Media.quicktime(2048)));
        assertEquals(Optional.of("video/mp4"), sniff(Media.withHead(2048, Media.ftyp("mp42", "mp42isom"))));
        assertEquals(Optional.of("application/pdf"), sniff(Media.pdf(2048)));
    }

    @Test
    void anythingElseIsNotAccepted() throws IOException {
        assertEquals(Optional.empty(), sniff("plain text, not a photo".getBytes()));
        assertEquals(Optional.empty(), sniff(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}));
    }

    @Test
    void declaredTypesAreReadWithoutParametersAndHeifCountsAsHeic() {
        assertEquals(Optional.of("image/jpeg"), policy.accepted("IMAGE/JPEG; charset=binary"));
        assertEquals(Optional.of("image/heic"), policy.accepted("image/heif"));
        assertEquals(Optional.empty(), policy.accepted("image/gif"));
    }

    @Test
    void audioIsToldOnlyWhereItIsAskedForNeverAsEvidence() throws IOException {
        byte[] mp3 = Media.withHead(2048, new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFB});
        byte[] m4a = Media.withHead(2048, Media.ftyp("M4A ", "M4A mp42isom"));
        byte[] wav = Media.withHead(2048, "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
        byte[] amr = Media.withHead(2048, "#!AMR\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Optional.of("audio/mpeg"), policy.sniffWithAudio(new ByteArrayInputStream(mp3)));
        assertEquals(Optional.of("audio/mp4"), policy.sniffWithAudio(new ByteArrayInputStream(m4a)));
        assertEquals(Optional.of("audio/wav"), policy.sniffWithAudio(new ByteArrayInputStream(wav)));
        assertEquals(Optional.of("audio/amr"), policy.sniffWithAudio(new ByteArrayInputStream(amr)));
        assertEquals(Optional.of("image/jpeg"), policy.sniffWithAudio(new ByteArrayInputStream(Media.jpeg(2048))));
        for (byte[] audio : List.of(mp3, m4a, wav, amr)) {
            assertEquals(Optional.empty(), sniff(audio), "audio is not evidence");
        }
        assertEquals(Optional.of("audio/wav"), policy.acceptedWithAudio("audio/x-wav"));
        assertEquals(Optional.of("audio/mpeg"), policy.acceptedWithAudio("audio/mp3"));
        assertEquals(Optional.empty(), policy.accepted("audio/mpeg"));
    }

    @Test
    void eachKindHasItsOwnLimit() {
        assertEquals(25L << 20, policy.limitFor("image/png"));
        assertEquals(2L << 30, policy.limitFor("video/mp4"));
        assertEquals(50L << 20, policy.limitFor("application/pdf"));
    }

    private Optional<String> sniff(byte[] content) throws IOException {
        return policy.sniff(new ByteArrayInputStream(content));
    }
}
