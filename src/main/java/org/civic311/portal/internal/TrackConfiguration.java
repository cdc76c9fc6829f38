package org.civic311.portal.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the settings of the status pages and the map. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TrackProperties.class, DuplicateProperties.class})
class TrackConfiguration {}
