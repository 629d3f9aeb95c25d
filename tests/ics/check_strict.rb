# Read exported calendars with ruby-icalendar 2.8 (Debian's ruby-icalendar),
# a strict reader that resolves every TZID through the file's own VTIMEZONE
# while it parses (and threw on the VTIMEZONEs libical used to give).
#
#   ruby check_strict.rb [--known NAME]... DIR...
#
# Each DIR holds exports and the expect.py files (cases.json, NAME.expected.json).
# A calendar passes when it parses and every event it must hold is read, once,
# with a start and an end. How many of the times equal the scheduler's (ruby-
# icalendar reads no RDATE-only zone history and no time before a zone's first
# observance correctly) is printed as a note.
# Prints "N passed, N failed" (one check per calendar).
require 'stringio'
require 'json'
require 'icalendar'

# --known NAME: a calendar ruby-icalendar is known not to read (it throws
# on a time before the start of one of the zone's observances, which a zone
# that changes its offset once, during the calendar, cannot avoid: Asia/
# Kathmandu on 1986-01-01). It is reported, not counted; if it is read, that
# fails, so that the list stays true.
known = []
dirs = []
args = ARGV.dup
until args.empty?
  a = args.shift
  if a == '--known' then known << args.shift else dirs << a end
end

passed = failed = 0
times = same = 0
dirs.each do |dir|
  JSON.parse(File.read(File.join(dir, 'cases.json'))).each do |name|
    exp = JSON.parse(File.read(File.join(dir, "#{name}.expected.json")))
    problems = []
    begin
      cal = Icalendar::Calendar.parse(File.read(File.join(dir, exp['ics']))).first
      got = {}
      cal.events.each do |ev|
        uid = ev.uid.to_s
        problems << "UID #{uid} twice" if got.key?(uid)
        got[uid] = ev
      end
      want = exp['events'].map { |e| e['uid'] }
      problems << "missing #{(want - got.keys).first(3).join(', ')}" unless (want - got.keys).empty?
      problems << "unexpected #{(got.keys - want).first(3).join(', ')}" unless (got.keys - want).empty?
      exp['events'].each do |e|
        ev = got[e['uid']] or next
        [['dtstart', 'start'], ['dtend', 'end']].each do |prop, key|
          v = ev.send(prop)
          if v.nil? || v.value.nil?
            problems << "#{e['uid']}: no #{prop}"
            next
          end
          next if e['all_day']
          times += 1
          t = v.value.to_time.utc.strftime('%Y-%m-%dT%H:%M:%SZ')
          same += 1 if t == e[key]
          puts "NOTE #{name}: #{e['uid']} #{prop} #{t}, scheduler #{e[key]}" if t != e[key] && ENV['VERBOSE']
        end
      end
    rescue StandardError => ex
      problems << "ruby-icalendar cannot read it: #{ex.class}: #{ex.message[0, 160]}"
    end
    if known.include?(name)
      if problems.empty?
        puts "FAIL #{name}: read, although listed with --known"
        failed += 1
      else
        puts "KNOWN #{name}: #{problems.first}"
      end
      next
    end
    problems.each { |p| puts "FAIL #{name}: #{p}" }
    if problems.empty? then passed += 1 else failed += 1 end
  end
end
puts "NOTE: #{same} of #{times} times as the scheduler's"
puts "#{passed} passed, #{failed} failed"
exit(failed.zero? && passed.positive? ? 0 : 1)
