package org.zuofeng.evidence;

import org.junit.jupiter.api.Test;
import org.zuofeng.support.Media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
    void eachKindHasItsOwnLimit() {
        assertEquals(25L << 20, policy.limitFor("image/png"));
        assertEquals(2L << 30, policy.limitFor("video/mp4"));
        assertEquals(50L << 20, policy.limitFor("application/pdf"));
    }

    private Optional<String> sniff(byte[] content) throws IOException {
        return policy.sniff(new ByteArrayInputStream(content));
    }
}
