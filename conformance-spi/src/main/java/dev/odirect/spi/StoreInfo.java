package dev.odirect.spi;

import java.util.Set;

/** Who the store is and what it offers, as reported in every failure and in summary.json. */
public record StoreInfo(String name, String version, Set<Capability> capabilities) {
    public StoreInfo {
        capabilities = Set.copyOf(capabilities);
    }

    public boolean offers(Capability capability) {
        return capabilities.contains(capability);
    }
}
