package com.sudamall.chat.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sudamall.chat.support.PushDecryption;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The test receiver's decryption checked against the worked example of RFC 8291 (section 5, appendix A): the push
 * integration tests trust what it decrypts, so it must itself be right.
 */
class PushDecryptionTests {

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String BODY =
            "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void decryptsTheRfcExample() throws Exception {
        byte[] plain = PushDecryption.decrypt(
                B64.decode(BODY),
                PushDecryption.privateKey(B64.decode(UA_PRIVATE)),
                B64.decode(UA_PUBLIC),
                B64.decode(AUTH));

        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("When I grow up, I want to be a watermelon");
    }

    @Test
    void refusesTheExampleUnderAnotherAuthSecret() {
        byte[] otherAuth = B64.decode(AUTH);
        otherAuth[0] ^= 1;

        assertThatThrownBy(() -> PushDecryption.decrypt(
                        B64.decode(BODY),
                        PushDecryption.privateKey(B64.decode(UA_PRIVATE)),
                        B64.decode(UA_PUBLIC),
                        otherAuth))
                .isInstanceOf(GeneralSecurityException.class);
    }
}
