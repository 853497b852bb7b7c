package org.zuofeng.clue;

import java.time.LocalDate;

/** A report's attachment as the commission and the reporter read it: no file name, the day it arrived. */
public record AttachmentView(int position, String mediaType, long size, String sha256, LocalDate receivedOn) {

    static AttachmentView of(ReportAttachment attachment) {
        return new AttachmentView(attachment.position, attachment.mediaType, attachment.size, attachment.sha256,
                attachment.receivedOn);
    }
}
