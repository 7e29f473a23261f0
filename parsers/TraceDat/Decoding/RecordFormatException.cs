namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>A record whose fields point outside it; the reader keeps the event as generic and warns.</summary>
internal sealed class RecordFormatException(string message) : Exception(message);
