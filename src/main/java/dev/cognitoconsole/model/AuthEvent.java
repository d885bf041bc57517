package dev.cognitoconsole.model;

import java.time.Instant;

/**
 * One sign-in (or other authentication event) Cognito's threat protection recorded for a user.
 *
 * @param id        the event id
 * @param time      when it happened, or {@code null}
 * @param type      SignIn, SignUp, ForgotPassword, PasswordChange, ResendCode, ...
 * @param response  Pass, Fail or InProgress, or {@code null}
 * @param riskLevel Low, Medium, High, or {@code null} when not assessed
 * @param ipAddress the client's IP address, or {@code null}
 * @param device    the device name, or {@code null}
 * @param city      the city, or {@code null}
 * @param country   the country, or {@code null}
 */
public record AuthEvent(String id, Instant time, String type, String response, String riskLevel, String ipAddress,
                        String device, String city, String country) {

    /** "City, Country", either alone, or empty. */
    public String place() {
        if (city == null || city.isBlank()) {
            return country == null ? "" : country;
        }
        return country == null || country.isBlank() ? city : city + ", " + country;
    }
}
