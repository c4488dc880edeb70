// Package metrics is what giaoban tells a Prometheus server: HTTP requests
// by route and status with their latency, the database pools, the jobs'
// runs and failures, and any figure a part of the program registers with
// Gauge (such as the depth of an outbox). It serves them in Prometheus'
// text format on a handler that asks for a token, or on an address of their
// own (`giaoban serve --metrics-token` / `--metrics-addr`).
//
// It holds no rules and reads no database itself: the figures come from the
// hooks the other packages call (Middleware, ObserveJob) or the functions
// they register (Pool, Gauge).
package metrics

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"giaoban/internal/httpx"
)

// Metrics holds giaoban's collectors in a registry of their own.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	jobRuns  *prometheus.CounterVec
	jobFails *prometheus.CounterVec
	jobTime  *prometheus.HistogramVec
	pools    *poolCollector
	log      *slog.Logger
}

// New returns the collectors, with the Go runtime's and the process's own.
// logger receives the errors of registered gauges (nil: none logged).
func New(logger *slog.Logger) *Metrics {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	m := &Metrics{reg: prometheus.NewRegistry(), log: logger, pools: &poolCollector{stats: map[string]func() sql.DBStats{}}}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "giaoban_http_requests_total",
		Help: "HTTP requests answered, by route pattern, method and status."}, []string{"route", "method", "status"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "giaoban_http_request_duration_seconds",
		Help:    "Time to answer an HTTP request, by route pattern and method.",
		Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}}, []string{"route", "method"})
	m.jobRuns = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "giaoban_job_runs_total",
		Help: "Background job runs, by job."}, []string{"job"})
	m.jobFails = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "giaoban_job_failures_total",
		Help: "Background job runs that failed, by job."}, []string{"job"})
	m.jobTime = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "giaoban_job_duration_seconds",
		Help: "Time a background job run took, by job.", Buckets: prometheus.ExponentialBuckets(0.01, 4, 9)}, []string{"job"})
	m.reg.MustRegister(m.requests, m.latency, m.jobRuns, m.jobFails, m.jobTime, m.pools,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Middleware counts and times every request by the route that served it
// (httpx.NoteRoute; "unmatched" for none), its method and status.
func (m *Metrics) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		r, route := httpx.WithRoute(r)
		rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		name := route()
		if name == "" {
			name = "unmatched"
		}
		m.requests.WithLabelValues(name, r.Method, strconv.Itoa(rec.status)).Inc()
		m.latency.WithLabelValues(name, r.Method).Observe(time.Since(start).Seconds())
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (s *statusWriter) WriteHeader(code int) {
	if !s.wrote {
		s.status, s.wrote = code, true
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	s.wrote = true
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// ObserveJob records one run of a background job: how long it took and
// whether it failed. jobs.Runner calls it through its Observe hook.
func (m *Metrics) ObserveJob(job string, took time.Duration, err error) {
	m.jobRuns.WithLabelValues(job).Inc()
	m.jobTime.WithLabelValues(job).Observe(took.Seconds())
	if err != nil {
		m.jobFails.WithLabelValues(job).Inc()
	}
}

// Pool reports a database connection pool, named pool ("write", "read"),
// from stats, read at each scrape.
func (m *Metrics) Pool(pool string, stats func() sql.DBStats) {
	m.pools.mu.Lock()
	defer m.pools.mu.Unlock()
	m.pools.stats[pool] = stats
}

// Gauge registers a figure read at each scrape, such as the number of
// messages waiting in an outbox:
//
//	m.Gauge("giaoban_outbox_depth", "Messages waiting to be sent.", func(ctx context.Context) (float64, error) {
//		n, err := st.OutboxDepth(ctx)
//		return float64(n), err
//	})
//
// value gets two seconds; when it fails, the error is logged and the
// figure left out of that scrape. name must be a valid metric name, not
// registered before.
func (m *Metrics) Gauge(name, help string, value func(ctx context.Context) (float64, error)) {
	m.reg.MustRegister(&gaugeCollector{desc: prometheus.NewDesc(name, help, nil, nil), value: value, log: m.log})
}

// Handler serves the metrics in Prometheus' text format. A non-empty token
// must come as "Authorization: Bearer TOKEN" (anything else is 401); an
// empty token serves anyone, for an address only the monitoring reaches.
func (m *Metrics) Handler(token string) http.Handler {
	h := promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorLog: slogAdapter{m.log}})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if token != "" {
			got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(token)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="giaoban metrics"`)
				http.Error(w, "cần mã truy cập số liệu giám sát (Authorization: Bearer …)", http.StatusUnauthorized)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// slogAdapter gives promhttp's error log to slog.
type slogAdapter struct{ log *slog.Logger }

func (a slogAdapter) Println(v ...any) { a.log.Error("metrics", "err", fmt.Sprint(v...)) }

// poolCollector reports the database pools.
type poolCollector struct {
	mu    sync.Mutex
	stats map[string]func() sql.DBStats
}

var (
	poolOpen    = prometheus.NewDesc("giaoban_db_open_connections", "Open database connections, by pool.", []string{"pool"}, nil)
	poolInUse   = prometheus.NewDesc("giaoban_db_in_use_connections", "Database connections in use, by pool.", []string{"pool"}, nil)
	poolIdle    = prometheus.NewDesc("giaoban_db_idle_connections", "Idle database connections, by pool.", []string{"pool"}, nil)
	poolMax     = prometheus.NewDesc("giaoban_db_max_open_connections", "The pool's limit of open connections.", []string{"pool"}, nil)
	poolWaits   = prometheus.NewDesc("giaoban_db_waits_total", "Times a query waited for a free connection, by pool.", []string{"pool"}, nil)
	poolWaitSec = prometheus.NewDesc("giaoban_db_wait_seconds_total", "Time spent waiting for a free connection, by pool.", []string{"pool"}, nil)
)

func (c *poolCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{poolOpen, poolInUse, poolIdle, poolMax, poolWaits, poolWaitSec} {
		ch <- d
	}
}

func (c *poolCollector) Collect(ch chan<- prometheus.Metric) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for pool, stats := range c.stats {
		s := stats()
		ch <- prometheus.MustNewConstMetric(poolOpen, prometheus.GaugeValue, float64(s.OpenConnections), pool)
		ch <- prometheus.MustNewConstMetric(poolInUse, prometheus.GaugeValue, float64(s.InUse), pool)
		ch <- prometheus.MustNewConstMetric(poolIdle, prometheus.GaugeValue, float64(s.Idle), pool)
		ch <- prometheus.MustNewConstMetric(poolMax, prometheus.GaugeValue, float64(s.MaxOpenConnections), pool)
		ch <- prometheus.MustNewConstMetric(poolWaits, prometheus.CounterValue, float64(s.WaitCount), pool)
		ch <- prometheus.MustNewConstMetric(poolWaitSec, prometheus.CounterValue, s.WaitDuration.Seconds(), pool)
	}
}

// gaugeCollector reports one registered figure.
type gaugeCollector struct {
	desc  *prometheus.Desc
	value func(ctx context.Context) (float64, error)
	log   *slog.Logger
}

func (c *gaugeCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *gaugeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	v, err := c.value(ctx)
	if err != nil {
		c.log.Error("metrics gauge", "metric", c.desc.String(), "err", err)
		return
	}
	ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, v)
}
