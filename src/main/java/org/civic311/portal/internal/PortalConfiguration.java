package org.civic311.portal.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the portal's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
class PortalConfiguration {}
