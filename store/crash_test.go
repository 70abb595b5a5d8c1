package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary double as the crashing child process.
func TestMain(m *testing.M) {
	if path := os.Getenv("THEMIS_CRASH_CHILD"); path != "" {
		codeSegmentsForever(path)
		return
	}
	os.Exit(m.Run())
}

// codeSegmentsForever adds segments one by one and reports each as saved only
// after AddSegment returned, as the UI does.
func codeSegmentsForever(path string) {
	p, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	coder, _ := p.CoderByName("Ben")
	code, _ := p.CodeByName("Positive affect")
	docs, _ := p.Documents()
	for i := 0; ; i++ {
		start := i % 40
		seg, err := p.AddSegment(NewSegment{docs[0].ID, code.ID, coder.ID, start, start + 1 + i%9, ""}, coder.ID)
		if err != nil {
			// Already coded this exact span: move on.
			continue
		}
		fmt.Println("saved", seg.ID)
	}
}

// A kill -9 in the middle of coding loses nothing that was reported saved,
// and the killed process's lock does not keep the project closed.
func TestKillDuringCodingLosesNothingSaved(t *testing.T) {
	p, _, _, _ := newProject(t)
	path := p.Path()
	p.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "THEMIS_CRASH_CHILD="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var saved []int64
	lines := bufio.NewScanner(out)
	deadline := time.Now().Add(60 * time.Second)
	for len(saved) < 200 && lines.Scan() && time.Now().Before(deadline) {
		f := strings.Fields(lines.Text())
		if len(f) == 2 && f[0] == "saved" {
			id, _ := strconv.ParseInt(f[1], 10, 64)
			saved = append(saved, id)
		} else {
			t.Fatalf("child: %s", lines.Text())
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if len(saved) == 0 {
		t.Fatal("child saved nothing before it was killed")
	}

	p, err = Open(path)
	if err != nil {
		t.Fatalf("reopen after kill -9: %v", err)
	}
	defer p.Close()
	segs, err := p.Segments(SegmentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	have := map[int64]bool{}
	for _, s := range segs {
		have[s.ID] = true
	}
	for _, id := range saved {
		if !have[id] {
			t.Errorf("segment %d was reported saved but is gone after kill -9", id)
		}
	}
	var check string
	p.db.QueryRow("PRAGMA integrity_check").Scan(&check)
	if check != "ok" {
		t.Errorf("integrity_check = %s", check)
	}
}
