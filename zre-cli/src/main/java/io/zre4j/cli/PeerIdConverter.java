package io.zre4j.cli;

import io.zre4j.PeerId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a peer identity: 32 hex digits (as Zyre prints them) or the dashed UUID form. */
final class PeerIdConverter implements ITypeConverter<PeerId> {

    @Override
    public PeerId convert(String value) {
        try {
            return PeerId.parse(value.strip());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a uuid: expected 32 hex digits, e.g. "
                    + "29501FBA21C14CE5A8EE1D33CC4AC354");
        }
    }
}
