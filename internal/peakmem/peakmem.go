// Package peakmem measures the memory a piece of work takes, for the
// benchmarks that check the peak-memory budget of reading hostile files.
//
// Peak heap is sampled (every half millisecond, through runtime/metrics,
// which does not stop the world), so a spike shorter than that can be
// missed; the total allocated is exact. Both include the garbage collector's
// headroom as a real run would see it: nothing here changes GOGC.
package peakmem

import (
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// Usage is what Measure saw: the highest heap in use (live and not yet
// collected objects) above the heap before the work, and the bytes the work
// allocated in all.
type Usage struct {
	PeakHeap   uint64
	TotalAlloc uint64
}

const heapObjects = "/memory/classes/heap/objects:bytes"

// Measure runs fn and reports its memory use. It collects garbage first so
// that the baseline is the live heap.
func Measure(fn func()) Usage {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	base := before.HeapAlloc
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		s := []metrics.Sample{{Name: heapObjects}}
		t := time.NewTicker(500 * time.Microsecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	close(stop)
	<-done
	p := max(peak.Load(), after.HeapAlloc)
	u := Usage{TotalAlloc: after.TotalAlloc - before.TotalAlloc}
	if p > base {
		u.PeakHeap = p - base
	}
	return u
}

// MB is n bytes in mebibytes, for b.ReportMetric.
func MB(n uint64) float64 { return float64(n) / (1 << 20) }
