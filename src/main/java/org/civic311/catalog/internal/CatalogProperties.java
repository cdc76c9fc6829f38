package org.civic311.catalog.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the catalog comes from at start.
 *
 * @param cityFile the city file: {@code classpath:...}, {@code file:...} or a plain file path
 * @param importOpen311Services an Open311 services.xml imported after the city file at every start,
 *     replacing its categories; blank for none
 * @param importOpen311Definitions a folder of service definition files for that import; blank for none
 */
@ConfigurationProperties("civic311")
record CatalogProperties(
    @DefaultValue("classpath:city/springfield.yml") String cityFile,
    @Nullable String importOpen311Services,
    @Nullable String importOpen311Definitions) {}
