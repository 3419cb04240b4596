# The ESP8266 compile check (run through `make xtensa`): the core compiled with Debian's
# xtensa-lx106-elf-g++ and picolibc, with the flags of an ESP8266 build, then linked with the
# node on stub hardware (test/xtensa) so that the size report counts only what the chip keeps.
#
# The link is partial (-r, garbage-collected from main): picolibc's default linker script does
# not lay out an ESP8266 (its literals land after the code that loads them), and the libgcc and
# libc routines left undefined (soft float, memcpy, ...) are the ones the ESP8266 core links anyway.

XTENSA_CXX ?= xtensa-lx106-elf-g++
XTENSA_SIZE := $(patsubst %g++,%size,$(XTENSA_CXX))
XTENSA_CC := $(patsubst %g++,%gcc,$(XTENSA_CXX))
XTENSA_NM := $(patsubst %g++,%nm,$(XTENSA_CXX))
SPECS := $(firstword $(wildcard $(dir $(XTENSA_CXX))../lib/xtensa-lx106-elf/picolibcpp.specs \
                                /usr/lib/xtensa-lx106-elf/picolibcpp.specs))
XOBJ := build/xtensa
XFLAGS := -std=c++17 -Os -fno-exceptions -fno-rtti -ffunction-sections -fdata-sections -mlongcalls \
          -mtext-section-literals -Wall -Wextra -Werror -Icore --specs=$(SPECS)
CORE_SRCS := $(sort $(wildcard core/*.cpp))
XOBJS := $(CORE_SRCS:core/%.cpp=$(XOBJ)/%.o)
PROGRAM := $(XOBJ)/node_on_chip.o

.PHONY: check
check: $(PROGRAM)
	@echo "ESP8266 (xtensa-lx106) code size of the core, per object (-Os):"
	@$(XTENSA_SIZE) $(XOBJS) | sed 's|$(XOBJ)/||'
	@echo "Linked with the node on stub hardware, unused code dropped (what the sketch's logic costs):"
	@$(XTENSA_SIZE) $(PROGRAM) | sed 's|$(XOBJ)/||'
	@echo "Left to the ESP8266 core's libraries: $$($(XTENSA_NM) -u $(PROGRAM) | awk '{print $$2}' | tr '\n' ' ')"

$(XOBJ)/%.o: core/%.cpp
	@mkdir -p $(@D)
	$(XTENSA_CXX) $(XFLAGS) -c $< -o $@

$(XOBJ)/node_stub.o: test/xtensa/node_on_chip.cpp
	@mkdir -p $(@D)
	$(XTENSA_CXX) $(XFLAGS) -c $< -o $@

# Linked by the C driver: Debian ships no libstdc++ for this target, and the core needs none.
$(PROGRAM): $(XOBJ)/node_stub.o $(XOBJS)
	$(XTENSA_CC) -nostdlib -Wl,-r -Wl,--gc-sections -Wl,-e,main -o $@ $^
