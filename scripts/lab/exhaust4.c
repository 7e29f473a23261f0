/*
 * exhaust4: guest workload for the 4-area swiotlb exhaustion lab.
 *
 * Opens a block device with O_DIRECT and starts THREADS_PER_CPU threads on
 * each online CPU (pinned with sched_setaffinity).  All threads wait on one
 * barrier, then each does ITERS large synchronous reads or writes (128 KiB to
 * 256 KiB) from a buffer placed at a varied in-page offset (0x200, 0x600,
 * 0xa00, 0xc00, 0x0, 0xe00), so that NVMe's min_align_mask (0xfff) matters for the
 * slot search.  With swiotlb=1024,4,force (1024 slots, 4 areas of 256) the
 * concurrent transfers need more slots than the pool has: some mappings fail
 * ("swiotlb buffer is full") and the NVMe driver requeues the request.
 *
 * Usage: exhaust4 DEVICE [THREADS_PER_CPU [ITERS]]
 * Build: gcc -O2 -static -pthread -o exhaust4 exhaust4.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <unistd.h>

#define REGION (2u << 20) /* per-thread buffer region: 2 MiB */

static const char *dev;
static int fd;
static int ncpu, tpc, iters;
static pthread_barrier_t start;

static const unsigned sizes[] = {256 << 10, 252 << 10, 192 << 10, 128 << 10, 160 << 10, 224 << 10};
static const unsigned offsets[] = {0x200, 0x600, 0xa00, 0xc00, 0x0, 0xe00};

struct worker {
	int id, cpu;
	long ok, err, bytes;
	char *mem;
};

static void *run(void *arg)
{
	struct worker *w = arg;
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(w->cpu, &set);
	if (sched_setaffinity(0, sizeof set, &set))
		fprintf(stderr, "worker %d: sched_setaffinity(%d): %s\n", w->id, w->cpu, strerror(errno));
	int write_side = (w->id & 1) == 0;
	pthread_barrier_wait(&start);
	for (int k = 0; k < iters; k++) {
		unsigned size = sizes[(w->id + k) % (sizeof sizes / sizeof sizes[0])];
		unsigned off = offsets[(w->id * 3 + k) % (sizeof offsets / sizeof offsets[0])];
		char *buf = w->mem + off;
		/* each thread owns a stripe of ITERS x 256 KiB of the device */
		off_t pos = ((off_t)w->id * iters + k) * (off_t)(256 << 10);
		ssize_t r;
		if (write_side) {
			memset(buf, 0x40 + (w->id & 0x3f), size);
			r = pwrite(fd, buf, size, pos);
		} else {
			r = pread(fd, buf, size, pos);
		}
		if (r == (ssize_t)size) {
			w->ok++;
			w->bytes += r;
		} else {
			w->err++;
			fprintf(stderr, "worker %d cpu %d %s size %u off 0x%x pos %lld: r=%zd %s\n", w->id, w->cpu,
				write_side ? "write" : "read", size, off, (long long)pos, r, r < 0 ? strerror(errno) : "short");
		}
	}
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s DEVICE [THREADS_PER_CPU [ITERS]]\n", argv[0]);
		return 2;
	}
	dev = argv[1];
	tpc = argc > 2 ? atoi(argv[2]) : 4;
	iters = argc > 3 ? atoi(argv[3]) : 16;
	ncpu = (int)sysconf(_SC_NPROCESSORS_ONLN);
	fd = open(dev, O_RDWR | O_DIRECT);
	if (fd < 0) {
		perror(dev);
		return 1;
	}
	int n = ncpu * tpc;
	struct worker *ws = calloc(n, sizeof *ws);
	pthread_t *th = calloc(n, sizeof *th);
	pthread_barrier_init(&start, NULL, n + 1);
	for (int i = 0; i < n; i++) {
		ws[i].id = i;
		ws[i].cpu = i % ncpu;
		/* a 2 MiB-aligned region; three workers in four ask for a huge page (buffers physically
		 * contiguous: one segment per request, dma_map_page), every fourth refuses one (4 KiB pages
		 * scattered in memory: several segments per request, dma_map_sg) */
		if (posix_memalign((void **)&ws[i].mem, REGION, REGION)) {
			perror("posix_memalign");
			return 1;
		}
		madvise(ws[i].mem, REGION, (i & 3) == 3 ? MADV_NOHUGEPAGE : MADV_HUGEPAGE);
		memset(ws[i].mem, 0, REGION);
		if (pthread_create(&th[i], NULL, run, &ws[i])) {
			perror("pthread_create");
			return 1;
		}
	}
	struct timeval t0, t1;
	gettimeofday(&t0, NULL);
	pthread_barrier_wait(&start);
	long ok = 0, err = 0, bytes = 0;
	for (int i = 0; i < n; i++) {
		pthread_join(th[i], NULL);
		ok += ws[i].ok;
		err += ws[i].err;
		bytes += ws[i].bytes;
	}
	gettimeofday(&t1, NULL);
	for (int i = 0; i < n; i++)
		printf("worker %2d cpu %d %-5s %-6s ok %ld err %ld bytes %ld\n", i, ws[i].cpu, (i & 1) ? "read" : "write",
		       (i & 3) == 3 ? "4k" : "huge", ws[i].ok, ws[i].err, ws[i].bytes);
	printf("exhaust4 %s: %d cpus x %d threads x %d iters: ok %ld err %ld bytes %ld in %.3f s\n", dev, ncpu, tpc,
	       iters, ok, err, bytes, (t1.tv_sec - t0.tv_sec) + (t1.tv_usec - t0.tv_usec) / 1e6);
	close(fd);
	return err ? 1 : 0;
}
