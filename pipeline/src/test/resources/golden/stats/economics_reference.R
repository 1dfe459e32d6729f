# Reference values for org.soseval.pipeline.stats.economics tests.
# Generator: R 4.2.2 with boot 1.3-28.1 (Debian r-cran-boot).
# Run: Rscript pipeline/src/test/resources/golden/stats/economics_reference.R
# The bootstrap uses R's own RNG, so Java replicates cannot match it draw for draw: the Java test
# compares its percentile limits with these (B = 200000, Monte Carlo error negligible) within a
# stated Monte Carlo tolerance.
options(digits = 15)

cat("## Uprating with an illustrative index table (year -> index)\n")
index <- c("2013" = 100.0, "2014" = 101.2, "2015" = 102.9, "2016" = 104.1, "2023" = 131.7)
cat("990 from 2013 to 2023:", 990 * index[["2023"]] / index[["2013"]], "\n")
cat("case cost in 2023 prices: 18 h x 55 (2013) + 6.5 h x 42.10 (2016) + 1200 direct (2015):",
    18 * 55 * index[["2023"]] / index[["2013"]] + 6.5 * 42.10 * index[["2023"]] / index[["2016"]] +
      1200 * index[["2023"]] / index[["2015"]], "\n")

cat("## ICER, methods.md section 8: 3450 vs 3100, re-referral 15.0% vs 21.9% (lower is better)\n")
cat("ICER", (3450 - 3100) / (0.219 - 0.150), "\n")

library(boot)
cat("## Bootstrap, NE data: resample cases within arms (strata), B = 200000, percentile (type 7)\n")
ci <- c(5200, 4100, 6100, 3900, 4700, 5600, 4300, 5000, 6600, 4800, 5300, 4500)
ei <- c(14, 11, 17, 9, 13, 16, 12, 15, 18, 10, 14, 13)
cc <- c(3900, 3500, 4200, 3100, 3700, 4400, 3300, 4000, 3600, 3800)
ec <- c(10, 8, 12, 7, 9, 11, 6, 10, 9, 8)
d <- data.frame(cost = c(ci, cc), effect = c(ei, ec), arm = c(rep(1, 12), rep(2, 10)))
stat <- function(d, i) {
  s <- d[i, ]
  dc <- mean(s$cost[s$arm == 1]) - mean(s$cost[s$arm == 2])
  de <- mean(s$effect[s$arm == 1]) - mean(s$effect[s$arm == 2])
  c(dc, de, dc / de)
}
set.seed(20240101)
b <- boot(d, stat, R = 200000, strata = d$arm)
cat("point", b$t0, "\n")
cat("share NE", mean(b$t[, 1] > 0 & b$t[, 2] > 0), "\n")
for (j in 1:3) print(quantile(b$t[, j], c(0.025, 0.975), type = 7))
cat("P(cost-effective at 300 per unit)", mean(300 * b$t[, 2] - b$t[, 1] > 0), "\n")
cat("P(cost-effective at 500 per unit)", mean(500 * b$t[, 2] - b$t[, 1] > 0), "\n")
