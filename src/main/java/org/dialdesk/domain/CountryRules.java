package org.dialdesk.domain;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * libphonenumber's numbering rules by region and by country code, and a country code's regions,
 * each looked up in the library once. Its own look-ups build a file name, pass a guard and copy
 * a list on every call: a third of checking a file's numbers went on them. The rules are the
 * library's default ones, read from its own class-path files, which every PhoneNumberUtil here is
 * made from (the shared one, and each Checker's copy); once read they do not change.
 */
final class CountryRules {
    private static final MetadataSource SOURCE = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Country codes have one to three digits. */
    private static final int CODES = 1000;
    private static final ConcurrentHashMap<String, PhoneMetadata> BY_REGION = new ConcurrentHashMap<>();
    private static final AtomicReferenceArray<PhoneMetadata> NON_GEOGRAPHIC = new AtomicReferenceArray<>(CODES);
    private static final AtomicReferenceArray<List<String>> REGIONS = new AtomicReferenceArray<>(CODES);

    private CountryRules() {
    }

    /** As the library's {@code getMetadataForRegion}: null for a region it has no rules for. */
    static PhoneMetadata ofRegion(String region) {
        PhoneMetadata rules = BY_REGION.get(region);
        if (rules == null) {
            rules = SOURCE.getMetadataForRegion(region);
            if (rules != null) {
                BY_REGION.putIfAbsent(region, rules);
            }
        }
        return rules;
    }

    /** As the library's {@code getMetadataForNonGeographicalRegion}: the rules of a code such as +800. */
    static PhoneMetadata ofNonGeographic(int countryCode) {
        if (countryCode < 0 || countryCode >= CODES) {
            return SOURCE.getMetadataForNonGeographicalRegion(countryCode);
        }
        PhoneMetadata rules = NON_GEOGRAPHIC.get(countryCode);
        if (rules == null) {
            rules = SOURCE.getMetadataForNonGeographicalRegion(countryCode);
            NON_GEOGRAPHIC.compareAndSet(countryCode, null, rules);
        }
        return rules;
    }

    /** As the library's {@code getRegionCodesForCountryCode}: the main region first; empty for a code that does not exist. */
    static List<String> regionsOf(int countryCode) {
        if (countryCode < 0 || countryCode >= CODES) {
            return UTIL.getRegionCodesForCountryCode(countryCode);
        }
        List<String> regions = REGIONS.get(countryCode);
        if (regions == null) {
            regions = List.copyOf(UTIL.getRegionCodesForCountryCode(countryCode));
            REGIONS.compareAndSet(countryCode, null, regions);
        }
        return regions;
    }
}
