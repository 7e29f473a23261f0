using System.Runtime.InteropServices;

namespace Swiotlb.Trace.Compression;

/// <summary>
/// The platform's zstd library (<c>libzstd.so.1</c>, Debian's libzstd1, which apt and dpkg themselves need), bound at
/// run time through function pointers so that the NativeAOT binary needs no import it may lack: four calls of its stable
/// API (<c>ZSTD_createDCtx</c>, <c>ZSTD_decompressDCtx</c>, <c>ZSTD_isError</c>, <c>ZSTD_freeDCtx</c>).
/// Where the library is absent, <see cref="IsLoaded"/> is false and zstd data is read by the managed port instead.
/// </summary>
internal static unsafe class LibZstd
{
    private static readonly string[] Names = ["libzstd.so.1", "libzstd.so", "libzstd.1.dylib", "libzstd"];

    private static readonly delegate* unmanaged<nint> CreateContext;
    private static readonly delegate* unmanaged<nint, void*, nuint, void*, nuint, nuint> DecompressWithContext;
    private static readonly delegate* unmanaged<nuint, uint> IsError;
    private static readonly delegate* unmanaged<nint, nuint> FreeContext;

    static LibZstd()
    {
        if (Environment.GetEnvironmentVariable("SWIOTRACE_MANAGED_ZSTD") == "1" || !TryLoad(out var library))
            return;
        if (NativeLibrary.TryGetExport(library, "ZSTD_createDCtx", out var create)
            && NativeLibrary.TryGetExport(library, "ZSTD_decompressDCtx", out var decompress)
            && NativeLibrary.TryGetExport(library, "ZSTD_isError", out var isError)
            && NativeLibrary.TryGetExport(library, "ZSTD_freeDCtx", out var free)
            && NativeLibrary.TryGetExport(library, "ZSTD_versionString", out var version))
        {
            CreateContext = (delegate* unmanaged<nint>)create;
            DecompressWithContext = (delegate* unmanaged<nint, void*, nuint, void*, nuint, nuint>)decompress;
            IsError = (delegate* unmanaged<nuint, uint>)isError;
            FreeContext = (delegate* unmanaged<nint, nuint>)free;
            Version = Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)version)());
        }
    }

    /// <summary>True when the platform library was found and has the calls this binding uses.</summary>
    public static bool IsLoaded => CreateContext != null;

    /// <summary>The loaded library's version (<c>ZSTD_versionString</c>), or null when none is loaded.</summary>
    public static string? Version { get; }

    private static bool TryLoad(out nint library)
    {
        foreach (var name in Names)
            if (NativeLibrary.TryLoad(name, out library))
                return true;
        library = 0;
        return false;
    }

    /// <summary>A decompression context of its own, for one thread at a time.</summary>
    public sealed class Decompressor : IBlockDecompressor
    {
        private nint _context = IsLoaded ? CreateContext() : throw new InvalidOperationException("libzstd is not loaded");

        public bool TryDecompress(ReadOnlySpan<byte> source, Span<byte> destination)
        {
            ObjectDisposedException.ThrowIf(_context == 0, this);
            fixed (byte* from = source)
            fixed (byte* to = destination)
            {
                var written = DecompressWithContext(_context, to, (nuint)destination.Length, from, (nuint)source.Length);
                return IsError(written) == 0 && written == (nuint)destination.Length;
            }
        }

        ~Decompressor() => Free();

        public void Dispose()
        {
            Free();
            GC.SuppressFinalize(this);
        }

        private void Free()
        {
            if (_context != 0)
                FreeContext(_context);
            _context = 0;
        }
    }
}
