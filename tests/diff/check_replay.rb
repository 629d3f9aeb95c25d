# Replay update calendars with ruby-icalendar 2.8 (Debian's ruby-icalendar),
# a strict reader that resolves every TZID through the file's own VTIMEZONE:
# OLD's calendar plus the update must give NEW's calendar, event for event
# (a missing update file: OLD's calendar must be NEW's already).
#
#   ruby check_replay.rb DIR     (DIR as tests/diff/replay.sh leaves it)
#
# As a calendar app does with a METHOD:PUBLISH update (RFC 5546): an event
# replaces the one of the same UID when its SEQUENCE is greater, and one with
# STATUS:CANCELLED takes it off the calendar. Afterwards every event of NEW
# must be there as NEW has it (every property ruby-icalendar reads, as it
# writes them back, but DTSTAMP and SEQUENCE; DTSTART and DTEND as instants
# through the VTIMEZONE of the file they came from, with their TZID), and
# nothing else may be left that is not cancelled; the update's events must
# have a SEQUENCE above OLD's.
# Prints "N passed, N failed" (one check per case).
require 'stringio'
require 'icalendar'

def events(path)
  text = File.exist?(path) ? File.read(path) : ''

  return [nil, {}] if text.empty?
  cal = Icalendar::Calendar.parse(text).first
  got = {}
  cal.events.each do |ev|
    uid = ev.uid.to_s
    raise "UID #{uid} twice" if got.key?(uid)
    got[uid] = ev
  end
  [cal, got]
end

def instant(v)
  return nil if v.nil?
  return ['date', v.value.to_s] if v.is_a?(Icalendar::Values::Date)
  [v.value.to_time.utc.strftime('%Y-%m-%dT%H:%M:%SZ'), Array(v.ical_params['tzid']).first]
end

# An event as ruby-icalendar writes it back, unfolded, without DTSTAMP and
# SEQUENCE, with its times as instants.
def normal(ev)
  lines = ev.to_ical.gsub(/\r?\n[ \t]/, '').split(/\r?\n/)
  lines = lines.reject { |l| l =~ /\A(DTSTAMP|SEQUENCE|DTSTART|DTEND)[;:]/ }
  [lines.sort, instant(ev.dtstart), instant(ev.dtend)]
end

def seq(ev)
  ev.sequence.to_i
end

def cancelled?(ev)
  ev.status.to_s.upcase == 'CANCELLED'
end

def check(dir, name)
  problems = []
  _, old = events(File.join(dir, "#{name}.old.ics"))
  ucal, update = events(File.join(dir, "#{name}.update.ics"))
  _, new = events(File.join(dir, "#{name}.new.ics"))
  problems << "METHOD #{ucal.ip_method}" unless ucal.nil? || ucal.ip_method.to_s == 'PUBLISH'
  update.each do |uid, ev|
    problems << "#{uid}: SEQUENCE #{seq(ev)}, not above OLD's" if old.key?(uid) && seq(ev) <= seq(old[uid])
    problems << "#{uid}: not in NEW, but not a cancellation" if !new.key?(uid) && !cancelled?(ev)
  end
  store = old.dup
  update.each { |uid, ev| store[uid] = ev if !store.key?(uid) || seq(ev) > seq(store[uid]) }
  new.each do |uid, ev|
    if !store.key?(uid)
      problems << "#{uid}: missing after the replay"
    elsif normal(store[uid]) != normal(ev)
      a = normal(store[uid])
      b = normal(ev)
      problems << "#{uid}: differs from NEW's after the replay: #{((b[0] - a[0]) + (a[1] == b[1] ? [] : [b[1]])).first(2)}"
    end
  end
  store.each do |uid, ev|
    problems << "#{uid}: still on the calendar after the replay, but not in NEW" if !new.key?(uid) && !cancelled?(ev)
  end
  problems
end

dir = ARGV[0]
passed = failed = 0
File.read(File.join(dir, 'cases.txt')).split.each do |name|
  begin
    problems = check(dir, name)
  rescue StandardError => e
    problems = ["ruby-icalendar cannot read it: #{e.class}: #{e.message[0, 160]}"]
  end
  problems.first(5).each { |p| puts "FAIL #{name}: #{p}" }
  if problems.empty? then passed += 1 else failed += 1 end
end
puts "#{passed} passed, #{failed} failed"
exit(failed.zero? && passed.positive? ? 0 : 1)
