package org.zuofeng.assessment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.zuofeng.common.config.AtLeastOne;

/** How long public notice (公示) lasts, and how long final results stay public. */
@ConfigMapping(prefix = "zuofeng")
public interface AssessmentConfig {

    Assessment assessment();

    @WithName("public")
    PublicResults publicResults();

    /** Yearly assessments. */
    interface Assessment {
        /** How many calendar days public notice (公示) lasts ({@code ZUOFENG_ASSESSMENT_NOTICE_DAYS}). */
        @WithDefault("5")
        @WithConverter(AtLeastOne.class)
        int noticeDays();
    }

    /** Final results on the public API. */
    interface PublicResults {
        /**
         * For how many years back final assessment results stay on the public API
         * ({@code ZUOFENG_PUBLIC_RESULT_RETENTION}); they stay in the record.
         */
        @WithDefault("P3Y")
        java.time.Period resultRetention();
    }
}
