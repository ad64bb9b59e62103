package jp.muniflow.platform;

/** Response headers that every answer carries, whichever security chain or error path writes it. */
public final class SecurityHeaders {

  /** Pages and API never send their address (which may name an application) to another site. */
  public static final String REFERRER_POLICY = "same-origin";

  /** No page uses the camera, microphone, location, payment, USB or sensors; nothing may ask for them. */
  public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
      + "accelerometer=(), gyroscope=(), magnetometer=(), interest-cohort=()";

  private SecurityHeaders() {
  }
}
