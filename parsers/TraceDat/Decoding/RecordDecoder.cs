using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>Turns one ring-buffer record of a known event format into a typed event.</summary>
/// <exception cref="RecordFormatException">A field lies outside the record.</exception>
internal delegate TraceEvent RecordDecoder(EventHeader header, ReadOnlySpan<byte> record);
