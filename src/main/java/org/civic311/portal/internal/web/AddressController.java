package org.civic311.portal.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.geo.Address;
import org.civic311.geo.Addresses;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city's addresses for the report form's address field while a resident types, and the address
 * nearest to a point chosen with the map or the device's location. The city's address list is public,
 * so answers may be cached.
 */
@RestController
class AddressController {

  static final int SUGGESTIONS = 8;
  /** How far from a chosen point an address is still "the address here". */
  static final int NEAREST_WITHIN_METERS = 75;

  private final Addresses addresses;

  AddressController(Addresses addresses) {
    this.addresses = addresses;
  }

  @GetMapping("/report/addresses")
  ResponseEntity<List<Map<String, Object>>> suggest(@RequestParam(defaultValue = "") String q) {
    List<Map<String, Object>> found = addresses.suggest(q, SUGGESTIONS).stream().map(AddressController::json).toList();
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5))).body(found);
  }

  @GetMapping("/report/addresses/nearest")
  ResponseEntity<Map<String, Object>> nearest(@RequestParam double lat, @RequestParam(name = "long") double longitude) {
    return addresses.nearest(lat, longitude, NEAREST_WITHIN_METERS)
        .map(address -> ResponseEntity.ok(json(address)))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  private static Map<String, Object> json(Address address) {
    var json = new LinkedHashMap<String, Object>();
    json.put("label", address.label());
    json.put("zip", address.zip());
    json.put("lat", address.latitude());
    json.put("long", address.longitude());
    return json;
  }
}
