using System.Collections;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Swiotlb.Trace.Fuzz;

/// <summary>How a child process ended: its exit code (128 + the signal's number when a signal ended it), whether it was
/// killed for running past its time limit, how long it ran and its peak resident set.</summary>
public readonly record struct ChildExit(int ExitCode, int Signal, bool TimedOut, TimeSpan Elapsed, long PeakRssBytes);

/// <summary>
/// Runs a program as a fresh child process (Linux, 64-bit): stdin from /dev/null, stdout and stderr into files, in a
/// process group of its own that is killed whole (SIGKILL) once the time limit has passed. Its peak RSS is the kernel's
/// high-water mark of the program's own address space (VmHWM of /proc/PID/status), read as it exits: the child is traced
/// (ptrace, PTRACE_O_TRACEEXIT) only to be stopped at its exit while that address space still exists.
/// </summary>
/// <remarks>
/// The child is traced before the program starts: it is spawned as <c>/bin/sh</c>, which stops itself (SIGSTOP) and,
/// once traced and continued, execs the program in its place. Tracing after a plain spawn races the child: a program
/// that ends at once (a shell killing itself) is a zombie before PTRACE_SEIZE, which then fails with EPERM. The exec
/// gives the program an address space of its own, so the shell's pages are not in its VmHWM.
/// </remarks>
/// <remarks>
/// Not <c>wait4</c>'s <c>ru_maxrss</c> alone: on exec the kernel folds the high-water mark of the address space being
/// replaced into the new program's ru_maxrss, and for a child spawned from this process (vfork or fork) that is this
/// process's own peak, tens to hundreds of MiB. ru_maxrss is what <c>/usr/bin/time</c> shows because time itself is
/// small. Nor <see cref="Process"/>: the runtime's SIGCHLD handling reaps the children it starts itself.
/// A child that never reaches its exit (killed by a signal) is given ru_maxrss, which is at least its peak.
/// </remarks>
public static unsafe partial class ChildProcess
{
    private const int OpenReadOnly = 0, OpenWriteOnly = 1, OpenCreate = 0x40, OpenTruncate = 0x200;
    private const short SpawnSetProcessGroup = 0x02, SpawnSetSignalDefaults = 0x04, SpawnSetSignalMask = 0x08;
    private const int WaitNoHang = 1, WaitStopped = 2, WaitExited = 4, WaitNoWait = 0x01000000, WaitAll = 0x40000000, WaitForPid = 1;
    private const int ChildExited = 1, ChildKilled = 2, ChildDumped = 3;
    private const int TraceContinue = 7, TraceSeize = 0x4206, TraceOnExit = 1 << 6, TraceKillOnTracerExit = 1 << 20, TraceEventExit = 6;
    private const int InterruptedCall = 4, SignalKill = 9, SignalContinue = 18;
    private const string Shell = "/bin/sh";
    /// <summary>The shell's script: stop until traced and continued, then become the program ($0) with its arguments.</summary>
    private const string StopThenExec = "kill -STOP $$ && exec \"$0\" \"$@\"";

    /// <summary>Runs <paramref name="program"/> (an absolute path) with <paramref name="arguments"/> and this process's
    /// environment until it ends, killing its process group at <paramref name="limit"/>. The child is traced by the
    /// calling thread, so this must not be called from code that may move to another thread while it runs.</summary>
    public static ChildExit Run(string program, IReadOnlyList<string> arguments, string standardOutput, string standardError, TimeSpan limit)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
            throw new PlatformNotSupportedException("a child's peak RSS is read through ptrace and /proc on 64-bit Linux only");
        var strings = new List<nint>();
        // posix_spawn_file_actions_t and posix_spawnattr_t are opaque (80 and 336 bytes in glibc); sigset_t is 128 bytes.
        var actions = stackalloc byte[1024];
        var attributes = stackalloc byte[1024];
        var signals = stackalloc byte[256];
        try
        {
            var path = Utf8(Shell, strings);
            var argv = Vector([Shell, "-c", StopThenExec, program, .. arguments], strings);
            var envp = Vector([.. Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => $"{e.Key}={e.Value}")], strings);
            Check(posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            Check(posix_spawnattr_init(attributes), "posix_spawnattr_init");
            try
            {
                Check(posix_spawn_file_actions_addopen(actions, 0, Utf8("/dev/null", strings), OpenReadOnly, 0), "addopen stdin");
                Check(posix_spawn_file_actions_addopen(actions, 1, Utf8(standardOutput, strings), OpenWriteOnly | OpenCreate | OpenTruncate, 0x1a4), "addopen stdout");
                Check(posix_spawn_file_actions_addopen(actions, 2, Utf8(standardError, strings), OpenWriteOnly | OpenCreate | OpenTruncate, 0x1a4), "addopen stderr");
                // Its own process group (so the hang kill reaches whatever it started), every signal at its default and none blocked.
                Check(posix_spawnattr_setflags(attributes, SpawnSetProcessGroup | SpawnSetSignalDefaults | SpawnSetSignalMask), "posix_spawnattr_setflags");
                Check(posix_spawnattr_setpgroup(attributes, 0), "posix_spawnattr_setpgroup");
                _ = sigfillset(signals);
                Check(posix_spawnattr_setsigdefault(attributes, signals), "posix_spawnattr_setsigdefault");
                _ = sigemptyset(signals);
                Check(posix_spawnattr_setsigmask(attributes, signals), "posix_spawnattr_setsigmask");

                var clock = Stopwatch.StartNew();
                int pid;
                Check(posix_spawn(&pid, path, actions, attributes, argv, envp), $"posix_spawn {program}");
                return Follow(pid, clock, limit);
            }
            finally
            {
                _ = posix_spawnattr_destroy(attributes);
                _ = posix_spawn_file_actions_destroy(actions);
            }
        }
        finally
        {
            foreach (var allocated in strings)
                Marshal.FreeCoTaskMem(allocated);
        }
    }

    /// <summary>Traces the child to its exit stop (reading its VmHWM there), passes on every signal it is sent, and reaps it
    /// with its resource usage. The time limit's kill comes from a timer, and only while the child is not yet reaped
    /// (an exited child is first seen with WNOWAIT), so its pid cannot have been reused.</summary>
    private static ChildExit Follow(int pid, Stopwatch clock, TimeSpan limit)
    {
        int status;
        // The shell stops itself before it execs the program: take that stop, trace it, and let it go on.
        while (wait4(pid, &status, WaitStopped | WaitAll, null) != pid)
            Retry("wait4", pid);
        if ((status & 0xff) != 0x7f)
            throw new InvalidOperationException($"{Shell} ended (status {status}) before it could exec the program");
        if (ptrace(TraceSeize, pid, 0, TraceOnExit | TraceKillOnTracerExit) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            _ = kill(-pid, SignalKill);
            _ = wait4(pid, null, WaitAll, null);
            throw new InvalidOperationException($"ptrace(PTRACE_SEIZE) of the child failed (errno {error}): the fuzz harness measures each mutant's peak RSS at its exit through ptrace");
        }
        _ = kill(pid, SignalContinue);
        var gate = new object();
        var exited = false;
        var timedOut = false;
        using var timer = new Timer(_ =>
        {
            lock (gate)
            {
                if (exited)
                    return;
                timedOut = true;
                _ = kill(-pid, SignalKill);
            }
        }, null, limit, Timeout.InfiniteTimeSpan);

        var peak = -1L;
        var info = stackalloc byte[128]; // siginfo_t; si_code at offset 8
        // struct rusage: ru_utime and ru_stime (two longs each), then ru_maxrss in KiB, then 13 more longs.
        var usage = stackalloc long[18];
        while (true)
        {
            if (waitid(WaitForPid, pid, info, WaitExited | WaitStopped | WaitAll | WaitNoWait) != 0)
            {
                Retry("waitid", pid);
                continue;
            }
            var code = *(int*)(info + 8);
            if (code is ChildExited or ChildKilled or ChildDumped)
            {
                lock (gate)
                    exited = true;
                while (wait4(pid, &status, WaitAll, usage) != pid)
                    Retry("wait4", pid);
                break;
            }
            // A stop: take it (a stopped child is not reaped) and let the child go on, with the signal it was stopped for.
            var taken = wait4(pid, &status, WaitAll | WaitNoHang, usage);
            if (taken != pid)
            {
                if (taken < 0)
                    Retry("wait4", pid);
                continue;
            }
            if ((status & 0xff) != 0x7f)
            {
                lock (gate)
                    exited = true;
                break; // it died between the two waits, and is reaped
            }
            var stopSignal = (status >> 8) & 0xff;
            var traceEvent = status >> 16;
            if (traceEvent == TraceEventExit)
                peak = HighWaterMark(pid);
            _ = ptrace(TraceContinue, pid, 0, traceEvent == 0 ? stopSignal : 0);
        }
        clock.Stop();
        var signal = status & 0x7f;
        var exit = signal == 0 ? (status >> 8) & 0xff : 128 + signal;
        return new ChildExit(exit, signal, timedOut, clock.Elapsed, peak >= 0 ? peak : usage[4] * 1024);
    }

    private static void Retry(string call, int pid)
    {
        var error = Marshal.GetLastPInvokeError();
        if (error != InterruptedCall)
            throw new InvalidOperationException($"{call} {pid}: errno {error}");
    }

    /// <summary>VmHWM of a process: the peak resident set of its address space so far.</summary>
    private static long HighWaterMark(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return -1;
    }

    private static nint Utf8(string text, List<nint> strings)
    {
        var pointer = Marshal.StringToCoTaskMemUTF8(text);
        strings.Add(pointer);
        return pointer;
    }

    /// <summary>A NULL-terminated array of C strings (argv, envp), freed with the strings.</summary>
    private static nint Vector(string[] items, List<nint> strings)
    {
        var vector = Marshal.AllocCoTaskMem((items.Length + 1) * sizeof(nint));
        strings.Add(vector);
        var slots = (nint*)vector;
        for (var i = 0; i < items.Length; i++)
            slots[i] = Utf8(items[i], strings);
        slots[items.Length] = 0;
        return vector;
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
            throw new InvalidOperationException($"{what}: errno {error}");
    }

    [LibraryImport("libc")] private static partial int posix_spawn(int* pid, nint path, void* fileActions, void* attributes, nint argv, nint envp);
    [LibraryImport("libc")] private static partial int posix_spawn_file_actions_init(void* fileActions);
    [LibraryImport("libc")] private static partial int posix_spawn_file_actions_destroy(void* fileActions);
    [LibraryImport("libc")] private static partial int posix_spawn_file_actions_addopen(void* fileActions, int descriptor, nint path, int flags, uint mode);
    [LibraryImport("libc")] private static partial int posix_spawnattr_init(void* attributes);
    [LibraryImport("libc")] private static partial int posix_spawnattr_destroy(void* attributes);
    [LibraryImport("libc")] private static partial int posix_spawnattr_setflags(void* attributes, short flags);
    [LibraryImport("libc")] private static partial int posix_spawnattr_setpgroup(void* attributes, int processGroup);
    [LibraryImport("libc")] private static partial int posix_spawnattr_setsigdefault(void* attributes, void* signals);
    [LibraryImport("libc")] private static partial int posix_spawnattr_setsigmask(void* attributes, void* signals);
    [LibraryImport("libc")] private static partial int sigfillset(void* signals);
    [LibraryImport("libc")] private static partial int sigemptyset(void* signals);
    [LibraryImport("libc", SetLastError = true)] private static partial int wait4(int pid, int* status, int options, long* usage);
    [LibraryImport("libc", SetLastError = true)] private static partial int waitid(int idType, int id, byte* info, int options);
    [LibraryImport("libc", SetLastError = true)] private static partial long ptrace(int request, int pid, nint address, nint data);
    [LibraryImport("libc")] private static partial int kill(int pid, int signal);
}
