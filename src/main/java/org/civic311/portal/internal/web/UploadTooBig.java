package org.civic311.portal.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * A report whose photos exceed the upload limits is refused by the servlet container before any
 * controller runs; residents get a page in their language that says what to do (go back, where the
 * form still holds what they typed, and pick smaller photos) instead of an error page.
 */
@Component
class UploadTooBig implements HandlerExceptionResolver, Ordered {

  private final UrlPathHelper paths = new UrlPathHelper();
  private final PageModel page;
  private final long maxPhotoBytes;
  private final DataSize maxUpload;

  UploadTooBig(
      PageModel page,
      @Value("${civic311.media.max-photo-bytes:10485760}") long maxPhotoBytes,
      @Value("${spring.servlet.multipart.max-request-size:60MB}") DataSize maxUpload) {
    this.page = page;
    this.maxPhotoBytes = maxPhotoBytes;
    this.maxUpload = maxUpload;
  }

  @Override
  public @Nullable ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception failure) {
    String path = paths.getPathWithinApplication(request);
    if (!path.startsWith("/report/") || !(failure instanceof MultipartException) || response.isCommitted()) return null;
    Locale locale = RequestContextUtils.getLocale(request);
    var view = new ModelAndView("portal/upload-too-big");
    view.setStatus(failure instanceof MaxUploadSizeExceededException ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
    view.addObject("maxPhotoMb", maxPhotoBytes / 1_048_576);
    view.addObject("maxUploadMb", maxUpload.toMegabytes());
    view.addObject("back", path.endsWith("/submit") ? path.substring(0, path.length() - "/submit".length()) : path);
    view.addObject("cityName", page.cityName());
    view.addObject("otherLanguage", page.otherLanguage(locale));
    view.addObject("otherLanguageUrl", path + "?lang=" + page.otherLanguage(locale));
    return view;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 2;
  }
}
