# Reference values for DifferenceInDifferencesTest, EventStudyTest and WildClusterBootstrapTest.
# Generator: R 4.2.2, sandwich 3.0-2 (no other packages).
# Run:  Rscript pipeline/src/test/resources/golden/stats/did_panel.R   (about 30 s: 4,096 lm fits)
# The panel is the same inline panel as in the Java tests: 12 units (U01..U12) x 8 periods,
# U01, U02, U03 adopt at periods 4, 5, 6; U07 period 3 is missing.
suppressMessages(library(sandwich))
options(digits = 15)
y <- c(37.67, 34.04, 41.76, 33.08, 29.70, 34.61, 34.20, 29.98, 34.25, 37.06, 32.95, 33.59, 31.94,
       33.01, 32.65, 28.42, 44.79, 44.06, 42.95, 42.50, 41.46, 41.24, 38.72, 40.12, 44.74, 43.65,
       43.42, 40.23, 43.76, 45.69, 43.46, 42.23, 48.16, 47.64, 51.37, 45.91, 47.82, 48.88, 46.88,
       45.19, 35.28, 34.28, 36.48, 31.25, 33.61, 35.09, 35.58, 32.22, 38.76, 39.50, NA, 37.40,
       41.13, 40.46, 38.08, 40.51, 41.49, 39.80, 40.60, 38.74, 37.90, 40.32, 39.55, 36.90, 50.77,
       51.14, 50.22, 46.33, 49.37, 51.84, 49.18, 48.66, 36.10, 35.72, 39.21, 37.29, 35.82, 38.73,
       38.22, 35.67, 48.20, 47.27, 50.25, 46.73, 49.44, 48.81, 47.85, 48.62, 44.18, 39.18, 41.44,
       41.30, 41.98, 42.29, 43.77, 42.77)
units <- sprintf("U%02d", 1:12)
adopt <- c(U01 = 4, U02 = 5, U03 = 6)
d <- data.frame(unit = rep(units, each = 8), period = rep(1:8, times = 12), y = y,
                stringsAsFactors = FALSE)
a <- adopt[d$unit]
d$D <- ifelse(!is.na(a) & d$period >= a, 1, 0)
d <- d[!is.na(d$y), ]
show <- function(label, x) cat(sprintf("%-40s %s\n", label, paste(format(x, digits = 15), collapse = " ")))

## 1. Pooled TWFE DiD
m <- lm(y ~ D + factor(unit) + factor(period), data = d)
b <- coef(m)["D"]
se_ols <- summary(m)$coefficients["D", "Std. Error"]
V1 <- vcovCL(m, cluster = ~unit, type = "HC1")
se_cr1 <- sqrt(V1["D", "D"])
G <- length(unique(d$unit)); N <- nrow(d); K <- length(coef(m))
show("N K G", c(N, K, G))
show("coef D", b)
show("conventional SE", se_ols)
show("conventional t-CI 95 (df N-K)", confint(m)["D", ])
show("CR1 SE", se_cr1)
show("CR1 p (t, df G-1)", 2 * pt(-abs(b / se_cr1), G - 1))
show("CR1 CI 95 (t, df G-1)", b + c(-1, 1) * qt(0.975, G - 1) * se_cr1)

## 2. Wild-cluster bootstrap, null imposed (restricted model without D), bootstrap-t with CR1 SE.
##    Independent brute-force implementation: refit lm and vcovCL for every weight vector.
r <- lm(y ~ factor(unit) + factor(period), data = d)
fit_r <- fitted(r); res_r <- residuals(r)
cl <- match(d$unit, units)
t0 <- b / se_cr1
tstar <- function(w) {
  ds <- d; ds$y <- fit_r + w[cl] * res_r
  ms <- lm(y ~ D + factor(unit) + factor(period), data = ds)
  coef(ms)["D"] / sqrt(vcovCL(ms, cluster = ~unit, type = "HC1")["D", "D"])
}
pval <- function(ts) mean(abs(ts) >= abs(t0) * (1 - 1e-9))
# Rademacher: full enumeration of all 2^12 sign vectors
E <- as.matrix(expand.grid(rep(list(c(-1, 1)), G)))
ts_rad <- apply(E, 1, tstar)
show("t0", t0)
show("Rademacher enumeration p (2^12)", pval(ts_rad))
# Webb six-point weights, deterministic matrix: W[b, g] = webb[((7b + 3g + (b*g mod 5)) mod 6) + 1]
webb <- c(-sqrt(1.5), -1, -sqrt(0.5), sqrt(0.5), 1, sqrt(1.5))
B <- 200
W <- t(sapply(0:(B - 1), function(bb) webb[((7 * bb + 3 * (0:(G - 1)) + (bb * (0:(G - 1))) %% 5) %% 6) + 1]))
ts_webb <- apply(W, 1, tstar)
show("Webb deterministic-matrix p (B=200)", pval(ts_webb))

## 3. Event study, reference relative time -1, relative-time dummies for treated units only
d$rel <- ifelse(is.na(adopt[d$unit]), NA, d$period - adopt[d$unit])
ks <- sort(setdiff(unique(d$rel[!is.na(d$rel)]), -1))
for (k in ks) d[[paste0("ev", ifelse(k < 0, "m", "p"), abs(k))]] <- as.numeric(!is.na(d$rel) & d$rel == k)
evs <- paste0("ev", ifelse(ks < 0, "m", "p"), abs(ks))
me <- lm(as.formula(paste("y ~", paste(evs, collapse = " + "), "+ factor(unit) + factor(period)")), data = d)
Ve <- vcovCL(me, cluster = ~unit, type = "HC1")
show("event times", ks)
show("event coef", coef(me)[evs])
show("event conventional SE", summary(me)$coefficients[evs, "Std. Error"])
show("event CR1 SE", sqrt(diag(Ve)[evs]))

## 4. Per-unit DiD: U02 vs never-treated U04..U12, conventional SE, placebo-in-space
controls <- units[4:12]
dp <- d[d$unit %in% c("U02", controls), ]
mp <- lm(y ~ D + factor(unit) + factor(period), data = dp)
bp <- coef(mp)["D"]
show("U02 coef", bp)
show("U02 conventional SE", summary(mp)$coefficients["D", "Std. Error"])
show("U02 conventional CI 95 (df N-K)", confint(mp)["D", ])
show("U02 N K", c(nrow(dp), length(coef(mp))))
plac <- sapply(controls, function(c0) {
  dc <- d[d$unit %in% controls, ]
  dc$D <- as.numeric(dc$unit == c0 & dc$period >= 5)
  coef(lm(y ~ D + factor(unit) + factor(period), data = dc))["D"]
})
show("placebo estimates", plac)
show("placebo p (1+#{|b_c|>=|b|})/(1+C)", (1 + sum(abs(plac) >= abs(bp))) / (1 + length(plac)))

## 5. Balanced 2x2: 4 treated and 4 control units (U01..U08 periods 4 and 5, U01..U04 treated at 5)
d2 <- data.frame(unit = rep(units[1:8], each = 2), period = rep(c(4, 5), 8), stringsAsFactors = FALSE)
d2$y <- mapply(function(u, p) y[(match(u, units) - 1) * 8 + p], d2$unit, d2$period)
d2$D <- as.numeric(d2$unit %in% units[1:4] & d2$period == 5)
m2 <- lm(y ~ D + factor(unit) + factor(period), data = d2)
show("2x2 coef", coef(m2)["D"])
show("2x2 CR1 SE", sqrt(vcovCL(m2, cluster = ~unit, type = "HC1")["D", "D"]))
show("2x2 conventional SE", summary(m2)$coefficients["D", "Std. Error"])

## 6. Placebo with controls that lack one side of the adoption: U05 has periods 5-8 only (created
##    later), U06 periods 1-4 only (later values suppressed). Their pretend D is collinear with their
##    own unit dummy: not a difference in differences, so they have no placebo and are left out of C.
##    (lm does not refuse: it keeps D and drops the unit dummy, so its "estimate" is the unit's level.)
d6 <- d[!(d$unit == "U05" & d$period <= 4) & !(d$unit == "U06" & d$period >= 5), ]
dp6 <- d6[d6$unit %in% c("U02", controls), ]
mp6 <- lm(y ~ D + factor(unit) + factor(period), data = dp6)
bp6 <- coef(mp6)["D"]
show("6 U02 coef", bp6)
show("6 U02 conventional SE", summary(mp6)$coefficients["D", "Std. Error"])
show("6 U02 N", nrow(dp6))
usable <- setdiff(controls, c("U05", "U06"))
plac6 <- sapply(usable, function(c0) {
  dc <- d6[d6$unit %in% controls, ]
  dc$D <- as.numeric(dc$unit == c0 & dc$period >= 5)
  coef(lm(y ~ D + factor(unit) + factor(period), data = dc))["D"]
})
show("6 placebo estimates", plac6)
show("6 placebo p", (1 + sum(abs(plac6) >= abs(bp6))) / (1 + length(plac6)))
dc <- d6[d6$unit %in% controls, ]; dc$D <- as.numeric(dc$unit == "U05" & dc$period >= 5)
m05 <- lm(y ~ D + factor(unit) + factor(period), data = dc)
show("6 U05 as pretend: D, U05 dummy is NA", c(coef(m05)["D"], is.na(coef(m05)["factor(unit)U05"])))
