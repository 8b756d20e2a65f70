using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Testing;

/// <summary>
/// A clock that moves only when a test moves it (Microsoft.Extensions.TimeProvider.Testing is not served by the registry
/// here). Timers created through it (Task.Delay, CancellationTokenSource with a TimeProvider) fire when the clock passes
/// their due time, on the thread that advances it. Nothing here waits in real time.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = new();
    private readonly DateTimeOffset _start;
    private DateTimeOffset _now;
    private long _version;
    private TaskCompletionSource _timerScheduled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _start = start ?? new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        _now = _start;
    }

    /// <summary>How far the clock has been moved since it was created.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_gate)
            {
                return _now - _start;
            }
        }
    }

    /// <summary>How many timers are waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.FindAll(t => t.Due is not null).Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return (_now - _start).Ticks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, each at its own due time.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (FireNext(target))
        {
        }

        lock (_gate)
        {
            if (_now < target)
            {
                _now = target;
            }
        }
    }

    /// <summary>Jumps to the earliest pending timer and fires it (and any due at the same instant); false when none is pending.</summary>
    public bool AdvanceToNextTimer()
    {
        DateTimeOffset? next = null;
        lock (_gate)
        {
            foreach (var timer in _timers)
            {
                if (timer.Due is { } due && (next is null || due < next))
                {
                    next = due;
                }
            }
        }

        if (next is null)
        {
            return false;
        }

        var target = next.Value;
        var now = GetUtcNow();
        Advance(target > now ? target - now : TimeSpan.Zero);
        return true;
    }

    /// <summary>
    /// Awaits <paramref name="task"/>, moving the clock to the next timer each time the code under test has reacted to the
    /// previous one by scheduling a timer (it is then waiting on the clock). Task.Delay with a TimeProvider resumes its
    /// awaiter on the thread pool, so jumping on without that handshake could skip past a retry that has not started yet.
    /// Code that reacts without scheduling a timer (several independent calls at once) needs hand-driven steps instead.
    /// The real-time limit is a safety net against a hung test; it never paces anything.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task, int maxSteps = 10_000)
    {
        await RunAsync((Task)task, maxSteps).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <inheritdoc cref="RunAsync{T}(Task{T}, int)"/>
    public async Task RunAsync(Task task, int maxSteps = 10_000)
    {
        var seen = -1L;
        for (var step = 0; !task.IsCompleted; step++)
        {
            if (step >= maxSteps)
            {
                throw new InvalidOperationException("The task did not complete within " + maxSteps + " timer steps.");
            }

            await Task.WhenAny(task, WhenTimerScheduledSince(seen)).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            if (!task.IsCompleted)
            {
                lock (_gate)
                {
                    seen = _version;
                }

                AdvanceToNextTimer();
            }
        }

        await task.ConfigureAwait(false);
    }

    /// <summary>Completes once a timer is pending and some timer was scheduled after <paramref name="version"/>.</summary>
    private Task WhenTimerScheduledSince(long version)
    {
        lock (_gate)
        {
            if (_version > version && _timers.Exists(t => t.Due is not null))
            {
                return Task.CompletedTask;
            }

            if (_timerScheduled.Task.IsCompleted)
            {
                _timerScheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return _timerScheduled.Task;
        }
    }

    private bool FireNext(DateTimeOffset target)
    {
        ManualTimer? next = null;
        lock (_gate)
        {
            foreach (var timer in _timers)
            {
                if (timer.Due is { } due && due <= target && (next is null || due < next.Due))
                {
                    next = timer;
                }
            }

            if (next is null)
            {
                return false;
            }

            if (next.Due > _now)
            {
                _now = next.Due.Value;
            }

            next.Due = next.Period is { } period ? _now + period : null;
        }

        next.Fire();
        return true;
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        TaskCompletionSource? signal = null;
        lock (_gate)
        {
            timer.Due = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            if (timer.Due is not null)
            {
                _version++;
                signal = _timerScheduled;
            }
        }

        signal?.TrySetResult();
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
