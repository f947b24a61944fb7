using System;
using System.Globalization;
using System.Threading;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>The gate's judging side: what each answer says about the connection (see the class remarks on detection and recovery).</summary>
    internal sealed partial class ThrottleGate
    {
        /// <summary>
        /// A request's answer: <paramref name="throttled"/> for 429 or 503 with Retry-After, else the server admitted it;
        /// null when no answer came (timeout, reset): that tells nothing about the server's limit.
        /// <paramref name="repeat"/>: this request was refused before (its refusals after the first are no evidence).
        /// <paramref name="announced"/>: the quota the answer's headers announced, if any.
        /// </summary>
        internal ThrottleVerdict Complete(double sentAt, bool? throttled, TimeSpan? retryAfter, TimeSpan maximumHold, Uri uri, ILogSink log, bool repeat = false, AnnouncedLimit? announced = null)
        {
            if (!_engaged && throttled != true && announced is null)
            {
                Interlocked.Decrement(ref _inFlight);
                if (throttled == false) _answers.Add(Now(), refused: false);
                // The gate may have engaged meanwhile, with a request waiting for this place under the in-flight limit.
                if (_engaged) WakeWaiters();
                return ThrottleVerdict.None;
            }
            var verdict = ThrottleVerdict.None;
            lock (_sync)
            {
                var now = Now();
                Interlocked.Decrement(ref _inFlight);
                if (announced is { } quota)
                {
                    Engage();
                    _quota.Update(quota, now, Volatile.Read(ref _inFlight), maximumHold.TotalSeconds, sentAt);
                }
                if (throttled == true)
                {
                    verdict = OnThrottled(now, sentAt, retryAfter, maximumHold, uri, log, repeat);
                }
                else if (throttled == false)
                {
                    _answers.Add(now, refused: false);
                    _rate?.OnAdmitted(now, sentAt);
                    if (_rate?.Rate is not null) _inFlightLimit?.OnAdmitted();
                }
            }
            WakeWaiters();
            return verdict;
        }

        /// <summary>The detection rule (see the class remarks), under the lock.</summary>
        private ThrottleVerdict OnThrottled(double now, double sentAt, TimeSpan? retryAfter, TimeSpan maximumHold, Uri uri, ILogSink log, bool repeat)
        {
            if (!repeat) _answers.Add(now, refused: true);
            var (refused, total) = _answers.Recent(Math.Max(16, Math.Min(64, 2 * Volatile.Read(ref _peakInFlight))), _evidenceSince);
            // While held, a refusal is of a request sent before the hold: the hold already answers it (and stretches to its Retry-After).
            var connectionWide = now < _closedUntil || (total >= EvidenceNeeded && refused >= 2 && refused * K > total);
            return connectionWide ? HoldAll(now, sentAt, retryAfter, maximumHold, uri, log) : OnItemRefusal(now, sentAt, total, uri, log, repeat);
        }

        /// <summary>A refusal that is not (yet) about the whole connection: the item's, or the paced connection's rate.</summary>
        private ThrottleVerdict OnItemRefusal(double now, double sentAt, int total, Uri uri, ILogSink log, bool repeat)
        {
            if (_rate?.Rate is not null)
            {
                // Paced since an earlier limit: a first refusal is the sign of sending just above it; a repeat is
                // likelier the same limit than the item, and lowers nothing, except that it ends slow start: the items
                // a hold kept back are retried first, so refusals after a hold are repeats, and ramping on through
                // them took a 50/s server's rate to three times its limit.
                if ((!repeat || _rate.InSlowStart) && _rate.OnThrottled(now, sentAt))
                {
                    _inFlightLimit!.OnThrottled();
                    if (log.IsVerboseEnabled)
                        log.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0}: the server refused a request while admitting others: sending slower; {1}.", uri.Authority, Limits()));
                }
                return ThrottleVerdict.Rate;
            }
            // Too few answers yet to tell, with others in flight whose answers will: the refusal is not held against
            // the item (within MaximumThrottleWait). A lone request (nothing else in flight) is judged on what there is.
            if (total < EvidenceNeeded && Volatile.Read(ref _inFlight) > 0) return ThrottleVerdict.Undecided;
            return ThrottleVerdict.Item;
        }

        /// <summary>A connection-wide refusal: every request waits out the Retry-After together (see the class remarks on recovery).</summary>
        private ThrottleVerdict HoldAll(double now, double sentAt, TimeSpan? retryAfter, TimeSpan maximumHold, Uri uri, ILogSink log)
        {
            Engage();
            var admitted = _answers.AdmittedPerSecond(now);
            // An episode: connection-wide refusals with less than a second of open gate between them. One that began in a
            // second that admitted nothing is an outage, and stays one when admissions resume (the late refusals of
            // requests sent before they did): none of its holds teaches anything about the rate.
            if (now > _closedUntil + EpisodeGapSeconds) _outage = admitted == 0;
            var hold = retryAfter is { } asked ? Math.Min(asked.TotalSeconds, maximumHold.TotalSeconds) : 0;
            // Said once per hold: later refusals of requests already in flight only stretch it.
            var closes = hold > 0 && now >= _closedUntil;
            if (hold > 0 && now + hold > _closedUntil)
            {
                if (closes) _closedAt = now;
                _closedUntil = now + hold;
                _evidenceSince = _closedUntil;
                _reopenAnnounced = false;
            }
            // A second that admitted nothing (an outage) teaches nothing about the rate: it stays as it was.
            var decreased = admitted > 0 && !_outage && _rate!.OnHold(now, sentAt, Math.Max(now, _closedUntil), admitted);
            if (decreased)
            {
                _inFlightLimit!.OnThrottled();
                _nextSend = Math.Max(_nextSend, _closedUntil);
            }
            if ((closes || decreased) && log.IsVerboseEnabled)
            {
                log.WriteVerbose(string.Format(CultureInfo.InvariantCulture,
                    "{0}: the server refused most requests{1}; {2}.",
                    uri.Authority,
                    hold > 0 ? $" and asked to wait {hold:0.###} s: holding back every request to it until then" : " (no Retry-After)",
                    Limits()));
            }
            return ThrottleVerdict.Hold;
        }
    }
}
